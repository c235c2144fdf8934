package io.andon.tdg.rust;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import io.andon.tdg.source.rust.RustLanguage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** One Rust function per complexity rule, each preceded by its hand-derived numbers. */
class RustComplexityRulesTest {
  static final Path RULES = Path.of("src/test/resources/tdg/rust/rules/rules.rs");
  private static final Pattern EXPECT =
      Pattern.compile("//\\s*cyclomatic (\\d+).*cognitive (\\d+)");

  static SourceFile analyze(String name, String text) {
    return new RustLanguage().analyze(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFunctionHasTheExpectedComplexity() throws IOException {
    List<String> lines = Files.readAllLines(RULES);
    SourceFile sf = new RustLanguage().analyze("rules.rs", Files.readAllBytes(RULES));
    assertThat(sf.parseError()).isEmpty();
    Map<Integer, MethodMetrics> byLine = sf.methods().stream()
        .collect(Collectors.toMap(MethodMetrics::line, Function.identity()));
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = EXPECT.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      int defLine = i + 2;
      int cyclomatic = Integer.parseInt(m.group(1));
      int cognitive = Integer.parseInt(m.group(2));
      tests.add(DynamicTest.dynamicTest("line " + defLine + ": " + lines.get(i + 1).strip(), () -> {
        assertThat(byLine).containsKey(defLine);
        MethodMetrics mm = byLine.get(defLine);
        assertThat(mm.cyclomatic()).as(mm.name() + " cyclomatic").isEqualTo(cyclomatic);
        assertThat(mm.cognitive()).as(mm.name() + " cognitive").isEqualTo(cognitive);
      }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(15);
    return tests.stream();
  }

  @Test
  void methodsAndNestedFunctionsAreNamedAfterWhatHoldsThem() throws IOException {
    SourceFile sf = new RustLanguage().analyze("rules.rs", Files.readAllBytes(RULES));
    assertThat(sf.methods()).extracting(MethodMetrics::name)
        .contains("Node::depth", "rule_nested_fn::inner");
  }

  @Test
  void docCommentsOfPubItemsAndTheCrateRootAreCounted() {
    SourceFile sf = analyze("src/lib.rs", """
        //! The crate.

        /// Documented.
        #[inline]
        pub fn documented() {}

        pub fn bare() {}

        fn private() {}

        /// A type.
        pub struct Point { x: i32 }

        impl Point {
            /// Length.
            pub fn len(&self) -> i32 { self.x }
            pub fn raw(&self) -> i32 { self.x }
        }

        impl Clone for Point {
            fn clone(&self) -> Point { Point { x: self.x } }
        }
        """);
    assertThat(sf.publicApi()).isEqualTo(6);
    assertThat(sf.documented()).isEqualTo(4);
    assertThat(sf.undocumented()).containsExactly("bare", "Point::raw");
  }

  @Test
  void aFileWithASyntaxErrorIsUngradedWithTheLine() {
    SourceFile sf = analyze("bad.rs", "fn f( {\n}\n");
    assertThat(sf.parseError().orElseThrow()).startsWith("does not parse as Rust: line 1");
  }
}
