package io.andon.tdg.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.tdg.Tdg;
import io.andon.tdg.TdgConfig;
import io.andon.tdg.TdgRender;
import io.andon.tdg.TdgReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python ML fixture (a package, a Jupyter and a Databricks notebook, tests with coverage.py
 * output) graded end to end, and a repository mixing Java and Python.
 */
class PythonProjectGradingTest {
  static final Path FIXTURE = Path.of("src/test/resources/tdg/python-ml");

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return to;
  }

  static TdgReport grade(Path root) {
    return Tdg.run(
        new Tdg.Request(
            root,
            TdgConfig.load(root, Optional.empty()),
            List.of(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty()));
  }

  static TdgReport.FileResult file(TdgReport r, String path) {
    return r.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  @Test
  void thePythonMlProjectIsGradedWithItsNotebooksAndCoverage(@TempDir Path tmp) throws IOException {
    TdgReport r = grade(copy(FIXTURE, tmp));
    assertThat(r.files())
        .extracting(TdgReport.FileResult::path)
        .containsExactlyInAnyOrder(
            "fraudml/__init__.py",
            "fraudml/features.py",
            "fraudml/train.py",
            "notebooks/explore.ipynb",
            "notebooks/score.py"); // tests/ excluded by default
    assertThat(r.languages())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.name()).isEqualTo("python");
              assertThat(l.share()).isEqualTo(1.0);
            });
    // coverage.py's Cobertura XML (found at coverage.xml): 28 of 29 lines, 17 of 18 branches
    TdgReport.Component cov = r.component("coverage").orElseThrow();
    assertThat(cov.metrics().get("lines_covered")).isEqualTo(28L);
    assertThat(cov.metrics().get("lines_total")).isEqualTo(29L);
    assertThat(cov.score().getAsDouble())
        .isCloseTo((0.5 * 28 / 29 + 0.3 * 17 / 18) / 0.8 * 100, within(0.05));
    // the notebook cell holding a function, and a cell's top-level code, are located by cell
    TdgReport.MethodResult nightShare =
        file(r, "notebooks/explore.ipynb").methods().stream()
            .filter(m -> m.name().equals("night_share"))
            .findFirst()
            .orElseThrow();
    assertThat(nightShare.where("notebooks/explore.ipynb"))
        .isEqualTo("notebooks/explore.ipynb [cell 3] line 1");
    assertThat(nightShare.cyclomatic()).isEqualTo(5); // for, if, or, conditional expression
    assertThat(file(r, "notebooks/score.py").methods())
        .extracting(m -> m.where("notebooks/score.py") + " " + m.name())
        .contains(
            "notebooks/score.py [cell 4] line 2 flag",
            "notebooks/score.py [cell 5] line 2 top-level code");
    // a notebook is documented by its markdown cell; night_share has no docstring
    assertThat(file(r, "notebooks/explore.ipynb").undocumented()).containsExactly("night_share");
    assertThat(file(r, "fraudml/train.py").undocumented()).containsExactly("fit");
    assertThat(r.confidence()).isEqualTo(1.0);
  }

  @Test
  void coveragePyJsonIsReadLikeItsXml(@TempDir Path tmp) throws IOException {
    Path root = copy(FIXTURE, tmp);
    Files.delete(root.resolve("coverage.xml")); // coverage.json is then the report found
    TdgReport r = grade(root);
    TdgReport.Component cov = r.component("coverage").orElseThrow();
    assertThat(cov.metrics().get("reports").toString()).contains("coverage.py-json");
    assertThat(cov.metrics().get("lines_covered")).isEqualTo(28L);
    assertThat(cov.metrics().get("branches_covered")).isEqualTo(17L);
  }

  @Test
  void aMixedRepositoryGetsOneGradeWeightedByEachLanguagesLines(@TempDir Path tmp)
      throws IOException {
    Path root = copy(FIXTURE, tmp);
    Files.delete(root.resolve("coverage.xml"));
    Files.delete(root.resolve("coverage.json"));
    Path java = Files.createDirectories(root.resolve("src/main/java/x"));
    Files.writeString(
        java.resolve("Big.java"),
        """
        package x;

        /** Many branches. */
        public class Big {
          /** Branches. */
          public int f(int a, int b, int c) {
            if (a > 0 && b > 0 || c > 0 && a < b || c < a && b < c || a == c && b == a) {
              for (int i = 0; i < a; i++) {
                if (i > b) {
                  while (c > i) {
                    if (c % 2 == 0) {
                      c--;
                    } else if (c % 3 == 0) {
                      c -= 2;
                    } else {
                      c -= 3;
                    }
                  }
                }
              }
            }
            return c;
          }
        }
        """);
    TdgReport r = grade(root);
    assertThat(r.languages())
        .extracting(TdgReport.LanguageResult::name)
        .containsExactly("java", "python");
    TdgReport.LanguageResult j = r.languages().get(0);
    TdgReport.LanguageResult p = r.languages().get(1);
    assertThat(j.lines()).isEqualTo(24);
    assertThat(j.share() + p.share()).isCloseTo(1.0, within(1e-9));
    assertThat(j.share()).isCloseTo(24.0 / (24 + p.lines()), within(1e-9));
    assertThat(j.complexity().getAsDouble()).isLessThan(p.complexity().getAsDouble());
    double expected =
        (j.lines() * j.complexity().getAsDouble() + p.lines() * p.complexity().getAsDouble())
            / (j.lines() + p.lines());
    assertThat(r.component("complexity").orElseThrow().score().getAsDouble())
        .isCloseTo(expected, within(0.05));
    JsonNode json = TdgRender.json(r);
    assertThat(json.get("languages")).hasSize(2);
    assertThat(json.get("languages").get(0).get("language").asText()).isEqualTo("java");
    assertThat(TdgRender.text(r)).contains("Languages (share of lines");
    assertThat(TdgRender.markdown(r)).contains("| java | ");
    assertThat(TdgRender.sarif(r, TdgConfig.defaults()).at("/runs/0/properties/languages"))
        .hasSize(2);
  }

  @Test
  void badFilesAreListedWithTheirReasonAndLowerTheConfidence(@TempDir Path tmp) throws IOException {
    Path root = copy(FIXTURE, tmp);
    Files.writeString(root.resolve("notebooks/broken.ipynb"), "{\"cells\": [");
    Files.writeString(root.resolve("fraudml/syntax.py"), "def f(:\n    pass\n");
    Files.write(root.resolve("fraudml/latin.py"), "s = 'caf\u00e9'\n".getBytes("ISO-8859-1"));
    Files.writeString(
        root.resolve("fraudml/generated.py"), "x = 1\n".repeat((int) (Tdg.MAX_FILE_BYTES / 6) + 1));
    TdgReport r = grade(root);
    assertThat(r.ungraded())
        .extracting(TdgReport.Ungraded::path)
        .containsExactlyInAnyOrder(
            "notebooks/broken.ipynb",
            "fraudml/syntax.py",
            "fraudml/latin.py",
            "fraudml/generated.py");
    assertThat(r.ungraded()).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
    assertThat(
            r.ungraded().stream()
                .filter(u -> u.path().endsWith(".ipynb"))
                .findFirst()
                .orElseThrow()
                .reason())
        .startsWith("not a valid notebook: the JSON does not parse");
    assertThat(
            r.ungraded().stream()
                .filter(u -> u.path().endsWith("generated.py"))
                .findFirst()
                .orElseThrow()
                .reason())
        .startsWith("larger than 1 MiB");
    assertThat(r.confidence()).isCloseTo(5.0 / 9, within(1e-9));
    assertThat(r.files()).hasSize(5); // the rest still graded
    assertThat(TdgRender.text(r)).contains("confidence 56% (4 files ungraded)");
  }
}
