package io.andon.tdg.rust;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.ExpectedComplexity;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import io.andon.tdg.source.rust.RustLanguage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** One Rust function per complexity rule, each preceded by its hand-derived numbers. */
class RustComplexityRulesTest {
  static final Path RULES = Path.of("src/test/resources/tdg/rust/rules/rules.rs");

  static SourceFile analyze(String name, String text) {
    return new RustLanguage().analyze(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFunctionHasTheExpectedComplexity() throws IOException {
    return ExpectedComplexity.tests(RULES, new RustLanguage(), 15);
  }

  @Test
  void methodsAndNestedFunctionsAreNamedAfterWhatHoldsThem() throws IOException {
    SourceFile sf = new RustLanguage().analyze("rules.rs", Files.readAllBytes(RULES));
    assertThat(sf.methods())
        .extracting(MethodMetrics::name)
        .contains("Node::depth", "rule_nested_fn::inner");
  }

  @Test
  void docCommentsOfPubItemsAndTheCrateRootAreCounted() {
    SourceFile sf =
        analyze(
            "src/lib.rs",
            """
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
