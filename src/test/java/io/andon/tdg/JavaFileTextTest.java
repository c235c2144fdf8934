package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.SourceFile;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a Java file's bytes become text and lines before they are parsed. */
class JavaFileTextTest {
  private static SourceFile analyze(String text) {
    return JavaSourceAnalyzer.analyze("A.java", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileThatHoldsTheReplacementCharacterItselfIsUtf8AndGraded() {
    SourceFile sf = analyze("class A {\n  String s = \"\uFFFD é ✓\";\n  void f() {}\n}\n");

    assertThat(sf.parsed()).isTrue();
    assertThat(sf.methods()).singleElement().satisfies(m -> assertThat(m.line()).isEqualTo(3));
  }

  @Test
  void bytesThatAreNotUtf8AreNotGradedEvenWhereTheTextHasAReplacementCharacterToo() {
    byte[] text = "class A { String s = \"\uFFFD\"; }".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    System.arraycopy(text, 0, bytes, 0, text.length);
    bytes[text.length] = '/';
    bytes[text.length + 1] = '/';
    bytes[text.length + 2] = (byte) 0xE9;

    SourceFile sf = JavaSourceAnalyzer.analyze("Latin.java", bytes);

    assertThat(sf.parsed()).isFalse();
    assertThat(sf.parseError().orElseThrow()).contains("UTF-8");
  }

  @Test
  void linesEndAtNewlinesCarriageReturnsAndBothAndTextAfterTheLastEndIsALine() {
    for (String text :
        new String[] {
          "class A {}",
          "class A {}\n",
          "class A {\r\n}\r\n",
          "class A {\r}\r",
          "class A {\n\n\r\n}\n// end",
          "\n\nclass A {}\r\n\r\n",
          "class A { String s = \"é✓\"; }\n\n"
        }) {
      assertThat(analyze(text).lines()).as(text).isEqualTo((int) text.lines().count());
    }
  }

  @Test
  void thePreloadParsesAndCountsAJavaFileOnAThreadOfItsOwn() throws Exception {
    Thread t = JavaSourceAnalyzer.preload();

    assertThat(t).isNotSameAs(Thread.currentThread());
    assertThat(t.isDaemon()).isTrue();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
  }
}
