package io.andon.tdg.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Where the parser's UTF-8 byte offsets fall in the Java string, and how a text is counted. */
class TextOffsetsTest {
  @Test
  void eachUtf8ByteOfATextMapsToTheStringIndexOfItsCharacter() {
    String text = "a = 'é✓😀'\nb = 1\n";
    TextOffsets.Encoded e = TextOffsets.encode(text);

    assertThat(e.utf8()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    int b = 0;
    for (int i = 0; i < text.length(); i++) {
      int width = text.substring(i, i + 1).getBytes(StandardCharsets.UTF_8).length;
      if (Character.isSurrogate(text.charAt(i))) {
        width = 2; // each half of the pair: two of the four bytes
      }
      for (int k = 0; k < width; k++, b++) {
        assertThat(e.offsets().index(b)).as("byte %d", b).isEqualTo(i);
      }
    }
    assertThat(e.offsets().index(b)).isEqualTo(text.length());
    assertThat(e.offsets().position(16)).isEqualTo("line 2, column 1"); // the b
  }

  @Test
  void aSurrogateHalfAloneBecomesTwoBytesTheParserRejectsAndTheRestStaysInPlace() {
    String text = "x = '\uD800'\ny = 'é'\n";
    TextOffsets.Encoded e = TextOffsets.encode(text);

    assertThat(e.utf8()).hasSize(text.length() + 2);
    assertThat(e.utf8()[5]).isEqualTo((byte) 0xFF);
    assertThat(e.utf8()[6]).isEqualTo((byte) 0xFF);
    assertThat(e.offsets().index(7)).isEqualTo(6); // the closing quote
    assertThat(e.offsets().index(15)).isEqualTo(text.indexOf('é'));
    assertThat(e.offsets().index(e.utf8().length)).isEqualTo(text.length());
  }

  @Test
  void linesAreCountedAsStringLinesCountsThem() {
    for (String text :
        new String[] {"", "a", "a\n", "a\r\nb", "a\rb\r", "\n\n", "a\n\r\nb\n// end", "é\n✓"}) {
      assertThat(SourceText.lines(text)).as(text).isEqualTo((int) text.lines().count());
    }
  }
}
