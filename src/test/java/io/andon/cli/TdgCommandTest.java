package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TdgCommandTest {
  static final Path FIXTURES = Path.of("src/test/resources/tdg");
  @TempDir Path tmp;
  Path root;
  Path home;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void copyProject() throws IOException {
    root = tmp.resolve("calc");
    home = tmp.resolve("home");
    Path src = FIXTURES.resolve("project");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path to = root.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = AndonCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 2];
    all[0] = "tdg";
    System.arraycopy(args, 0, all, 1, args.length);
    all[all.length - 1] = "--home=" + home;
    return cl.execute(all);
  }

  @Test
  void jsonFollowsTheContract() throws IOException {
    assertThat(
            run(
                root.toString(),
                "--format",
                "json",
                "--coverage",
                FIXTURES.resolve("coverage/jacoco.xml").toString(),
                "--advisories",
                FIXTURES.resolve("security/osv").toString()))
        .isZero();
    JsonNode j = Json.read(out.toString());
    assertThat(j.path("score").isNumber()).isTrue();
    assertThat(j.path("grade").asText()).isEqualTo("D");
    for (String c : new String[] {"complexity", "coverage", "documentation", "security"}) {
      JsonNode comp = j.path("components").path(c);
      assertThat(comp.has("score")).as(c).isTrue();
      assertThat(comp.path("status").asText()).as(c).isEqualTo("MEASURED");
      assertThat(comp.path("weight").isNumber()).as(c).isTrue();
    }
    JsonNode file = j.path("files").get(0);
    assertThat(file.path("path").asText()).isEqualTo("src/main/java/com/example/util/Text.java");
    assertThat(file.path("score").isNumber()).isTrue();
    JsonNode method = file.path("methods").get(0);
    assertThat(method.fieldNames())
        .toIterable()
        .contains("name", "line", "cyclomatic", "cognitive");
    assertThat(j.path("not_measured").toString()).isEqualTo("[\"coverage.mutation\"]");
    assertThat(j.path("ungraded_files").isArray()).isTrue();
    assertThat(j.path("components").path("security").path("findings").get(0).path("id").asText())
        .isEqualTo("GHSA-jfh8-c2jp-5v3q");
  }

  @Test
  void helpShowsTheWeightsAndExitCodesWithoutFormatWarnings() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(picocliWarnings, true));
    try {
      assertThat(run("--help")).isZero();
    } finally {
      System.setErr(saved);
    }
    assertThat(out.toString()).contains("complexity (25%)").contains("Exit codes");
    assertThat(picocliWarnings.toString()).doesNotContain("Could not format");
  }

  @Test
  void notMeasuredComponentsHaveANullScoreInJson() throws IOException {
    assertThat(run(root.toString(), "--format", "json")).isZero();
    JsonNode j = Json.read(out.toString());
    assertThat(j.path("components").path("security").path("score").isNull()).isTrue();
    assertThat(j.path("components").path("security").path("status").asText())
        .isEqualTo("NOT_MEASURED");
    assertThat(j.path("all_measured").asBoolean()).isFalse();
  }

  @Test
  void belowMinGradeExitsOneAndSaysWhy() {
    assertThat(run(root.toString(), "--min-grade", "B")).isEqualTo(1);
    assertThat(err.toString()).contains("grade C").contains("below the minimum B");
    assertThat(run(root.toString(), "--min-grade", "C")).isZero();
  }

  @Test
  void requireMeasuredFailsWhenAComponentIsNotMeasured() {
    assertThat(run(root.toString(), "--require-measured")).isEqualTo(1);
    assertThat(err.toString()).contains("not measured: coverage, security");
  }

  @Test
  void invalidInputExitsTwo() throws IOException {
    assertThat(run(root.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(err.toString()).contains("--format xml");
    assertThat(run(root.toString(), "--min-grade", "E")).isEqualTo(2);
    assertThat(run(tmp.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such folder");
    assertThat(run(root.toString(), "--coverage", tmp.resolve("none.xml").toString())).isEqualTo(2);
    assertThat(run(root.toString(), "--max-score-drop", "3")).isEqualTo(2);
    assertThat(err.toString()).contains("needs --baseline");
    Files.writeString(root.resolve("andon-tdg.yaml"), "weigths: {}\n");
    assertThat(run(root.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("andon-tdg.yaml:1:1: unknown key 'weigths'")
        .doesNotContain("Exception");
  }

  @Test
  void outputGoesToTheFileInEveryFormat() throws IOException {
    for (String format : new String[] {"text", "json", "markdown", "sarif"}) {
      Path file = tmp.resolve("report." + format);
      assertThat(run(root.toString(), "--format", format, "--output", file.toString())).isZero();
      assertThat(out.toString()).contains("report written to " + file);
      assertThat(Files.readString(file)).isNotBlank();
    }
    assertThat(Files.readString(tmp.resolve("report.markdown"))).contains("## TDG grade: C");
    JsonNode sarif = Json.read(Files.readString(tmp.resolve("report.sarif")));
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(Files.readString(tmp.resolve("report.text"))).contains("NOT_MEASURED");
  }

  @Test
  void sarifListsMethodsOverThresholdsAndVulnerabilities() throws IOException {
    Files.writeString(root.resolve("andon-tdg.yaml"), "thresholds: {nesting: 1}\n");
    assertThat(
            run(
                root.toString(),
                "--format",
                "sarif",
                "--advisories",
                FIXTURES.resolve("security/osv").toString()))
        .isZero();
    JsonNode results = Json.read(out.toString()).path("runs").get(0).path("results");
    assertThat(results.toString())
        .contains("tdg/nesting")
        .contains("Calc.sign")
        .contains("tdg/vulnerability")
        .contains("GHSA-jfh8-c2jp-5v3q");
  }

  @Test
  void baselineRegressionNamesTheFilesThatGotWorseAndExitsOne() throws IOException {
    Path baseline = tmp.resolve("baseline.json");
    assertThat(run("baseline", "create", root.toString(), "--output", baseline.toString()))
        .isZero();
    assertThat(out.toString()).contains("baseline written to " + baseline).contains("TDG C");
    // unchanged: no regression
    assertThat(run(root.toString(), "--baseline", baseline.toString())).isZero();
    // make Calc.div tangled: its file score drops well over 5 points
    Path calc = root.resolve("src/main/java/com/example/Calc.java");
    Files.writeString(
        calc,
        Files.readString(calc)
            .replace(
                "if (b == 0) {",
                "if (b == 0) { if (a > 0) { if (a > 1) { if (a > 2) { if (a > 3) { a++; } } } } }\n"
                    + "    if (b == 0) {"));
    assertThat(run(root.toString(), "--baseline", baseline.toString(), "--format", "json"))
        .isEqualTo(1);
    JsonNode reg = Json.read(out.toString()).path("regression");
    assertThat(reg.path("regressed").asBoolean()).isTrue();
    assertThat(reg.path("files_worse").get(0).path("path").asText())
        .isEqualTo("src/main/java/com/example/Calc.java");
    assertThat(err.toString()).contains("regressed against").contains("Calc.java");
    // a generous allowed drop lets it pass
    assertThat(run(root.toString(), "--baseline", baseline.toString(), "--max-score-drop", "100"))
        .isZero();
  }

  @Test
  void aSecondRunTakesUnchangedFilesFromTheHashCache() throws IOException {
    assertThat(run(root.toString(), "--format", "json")).isZero();
    JsonNode first = Json.read(out.toString());
    assertThat(first.path("run").path("files_analysed").asInt()).isEqualTo(2);
    assertThat(run(root.toString(), "--format", "json")).isZero();
    JsonNode second = Json.read(out.toString());
    assertThat(second.path("run").path("files_from_cache").asInt()).isEqualTo(2);
    assertThat(second.path("run").path("files_analysed").asInt()).isZero();
    assertThat(second.path("files")).isEqualTo(first.path("files"));
    Path text = root.resolve("src/main/java/com/example/util/Text.java");
    Files.writeString(text, Files.readString(text) + "\n");
    assertThat(run(root.toString(), "--format", "json")).isZero();
    assertThat(Json.read(out.toString()).path("run").path("files_analysed").asInt()).isEqualTo(1);
  }

  @Test
  void aFileTouchedWithoutChangeComesFromTheHashCacheByItsContent() throws IOException {
    assertThat(run(root.toString(), "--format", "json")).isZero();
    Path text = root.resolve("src/main/java/com/example/util/Text.java");
    Files.setLastModifiedTime(
        text, FileTime.fromMillis(Files.getLastModifiedTime(text).toMillis() + 60_000));
    assertThat(run(root.toString(), "--format", "json")).isZero();
    JsonNode run = Json.read(out.toString()).path("run");
    assertThat(run.path("files_from_cache").asInt()).isEqualTo(2);
    assertThat(run.path("files_analysed").asInt()).isZero();
  }

  @Test
  void aBadBaselineFileIsInvalidInput() throws IOException {
    assertThat(run(root.toString(), "--baseline", tmp.resolve("none.json").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("baseline create");
    Path junk = Files.writeString(tmp.resolve("junk.json"), "{\"a\": 1}");
    assertThat(run(root.toString(), "--baseline", junk.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not an andon tdg baseline");
  }
}
