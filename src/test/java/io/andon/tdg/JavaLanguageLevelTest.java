package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Java 17 sources parse: records, sealed types, text blocks, yield in switch expressions. */
class JavaLanguageLevelTest {
  @Test
  void yieldInASwitchExpressionRecordsSealedTypesAndTextBlocksParse() {
    String src =
        """
        sealed interface Shape permits Circle {}
        record Circle(double r) implements Shape {}
        class Use {
          String text = \"""
              a text block
              \""";
          int area(String kind, String url) {
            return switch (kind) {
              case "slack" -> {
                yield url == null ? 0 : 1;
              }
              default -> 2;
            };
          }
        }
        """;
    SourceFile sf = JavaSourceAnalyzer.analyze("Use.java", src.getBytes(StandardCharsets.UTF_8));
    assertThat(sf.parseError()).isEmpty();
    assertThat(sf.methods()).extracting(MethodMetrics::name).containsExactly("Use.area");
  }

  @Test
  void andonsOwnDestinationsIsGraded() throws IOException {
    Path p = Path.of("src/main/java/io/andon/alert/Destinations.java");
    SourceFile sf = JavaSourceAnalyzer.analyze("Destinations.java", Files.readAllBytes(p));
    assertThat(sf.parseError()).isEmpty();
    assertThat(sf.methods()).isNotEmpty();
  }
}
