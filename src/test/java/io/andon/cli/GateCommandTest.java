package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GateCommandTest {
  @TempDir Path dir;
  Path home;
  Path gates;
  String out;
  String err;

  @BeforeEach
  void files() throws IOException {
    home = dir.resolve("home");
    gates =
        write(
            "gates.yml",
            """
        gates:
          - name: production
            checks:
              - metric: accuracy
                comparator: ">="
                threshold: 0.95
              - name: latency
                metric: latency_p99_ms
                comparator: "<="
                threshold: 100
          - name: regression
            checks:
              - metric: train.accuracy
                max_drop: 0.02
        """);
  }

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private int run(String... args) {
    CommandLine cl = AndonCli.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    List<String> all = new ArrayList<>(List.of("gate", "--home", home.toString()));
    all.addAll(List.of(args));
    int code = cl.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void passingGateExitsZeroAndPrintsOneLinePerCheck() throws IOException {
    Path m = write("metrics.json", "{\"accuracy\": 0.96, \"latency_p99_ms\": 87}");
    assertThat(run(gates.toString(), "--gate", "production", "--metrics", m.toString()))
        .isEqualTo(0);
    assertThat(out)
        .isEqualTo(
            """
        gate production: passed: 2 passed of 2 checks
          PASSED        accuracy  0.96 >= 0.95
          PASSED        latency   87 <= 100
        """);
  }

  @Test
  void failingCheckExitsOne() throws IOException {
    Path m = write("metrics.json", "{\"accuracy\": 0.96, \"latency_p99_ms\": 100.5}");
    assertThat(run(gates.toString(), "--gate", "production", "--metrics", m.toString()))
        .isEqualTo(1);
    assertThat(out).contains("FAILED        latency   100.5 is not <= 100");
  }

  @Test
  void missingMetricExitsOneAndIsNotMeasured() {
    assertThat(run(gates.toString(), "--gate", "production", "--metric", "accuracy=0.99"))
        .isEqualTo(1);
    assertThat(out)
        .contains("NOT_MEASURED  latency   metric 'latency_p99_ms' not found in" + " --metric.");
  }

  @Test
  void metricValueOnTheCommandLineWinsOverFiles() throws IOException {
    Path m = write("metrics.json", "{\"accuracy\": 0.5, \"latency_p99_ms\": 87}");
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "production",
                "--metrics",
                m.toString(),
                "--metric",
                "accuracy=0.97"))
        .isEqualTo(0);
  }

  @Test
  void metricsFileCanBeGivenAPrefix() throws IOException {
    Path g =
        write(
            "code.yml",
            """
        name: code
        checks:
          - {metric: code.score, comparator: GreaterOrEqual, threshold: 80}
          - {metric: tdg.components.coverage, comparator: ">", threshold: 70}
        """);
    Path tdg = write("reports/tdg.json", "{\"score\": 87.5, \"components\": {\"coverage\": 78}}");
    assertThat(run(g.toString(), "--metrics", "code=" + tdg, "--metrics", tdg.toString()))
        .isEqualTo(0);
  }

  @Test
  void metricNamingItsFileIsReadRelativeToTheGatesFile() throws IOException {
    write("ci/out/eval.json", "{\"model\": {\"f1\": 0.9}}");
    Path g =
        write(
            "ci/gates.yml",
            """
        name: files
        checks:
          - {metric: "out/eval.json:$.model.f1", comparator: ">=", threshold: 0.8}
          - {metric: "out/none.json:$.f1", comparator: ">=", threshold: 0.8, allow_missing: true}
        """);
    assertThat(run(g.toString())).isEqualTo(0);
    assertThat(out)
        .contains("PASSED")
        .contains("NOT_MEASURED")
        .contains("none.json is missing:" + " the file does not exist");
  }

  @Test
  void invalidGatesFileExitsTwoWithFileLineColumn() throws IOException {
    Path g =
        write(
            "bad.yml",
            """
        gates:
          - name: g
            checks:
              - {metric: a, comparator: "~=", threshold: 1}
        """);
    assertThat(run(g.toString(), "--metric", "a=1")).isEqualTo(2);
    assertThat(err)
        .startsWith("andon: " + g + " is not a valid gates file (1 problem):")
        .contains(g + ":4:33: unknown comparator '~='");
    assertThat(err).doesNotContain("Exception");
  }

  @Test
  void unreadableOrMalformedMetricsFileExitsTwo() throws IOException {
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "production",
                "--metrics",
                dir.resolve("none.json").toString()))
        .isEqualTo(2);
    assertThat(err).contains("none.json: no such file");
    Path bad = write("bad.json", "{\"accuracy\": 0.9,,}");
    assertThat(run(gates.toString(), "--gate", "production", "--metrics", bad.toString()))
        .isEqualTo(2);
    assertThat(err).contains(bad + ":1:18: malformed JSON");
  }

  @Test
  void badMetricValueAndBadFormatExitTwo() {
    assertThat(run(gates.toString(), "--gate", "production", "--metric", "accuracy=high"))
        .isEqualTo(2);
    assertThat(err).contains("--metric accuracy: 'high' is not a number");
    assertThat(run(gates.toString(), "--gate", "production", "--metric", "accuracy")).isEqualTo(2);
    assertThat(err).contains("write NAME=VALUE");
    assertThat(run(gates.toString(), "--format", "yaml")).isEqualTo(2);
  }

  @Test
  void severalGatesNeedGateAndUnknownGateExitsTwo() {
    assertThat(run(gates.toString(), "--metric", "accuracy=1")).isEqualTo(2);
    assertThat(err).contains("holds 2 gates (production, regression); choose one with --gate");
    assertThat(run(gates.toString(), "--gate", "prodution")).isEqualTo(2);
    assertThat(err).contains("Did you mean 'production'?");
  }

  @Test
  void outputWritesTheChosenFormatAndPrintsTextToo() throws Exception {
    Path report = dir.resolve("out/gate.json");
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "production",
                "--metric",
                "accuracy=0.9",
                "--metric",
                "latency_p99_ms=50",
                "--format",
                "json",
                "--output",
                report.toString()))
        .isEqualTo(1);
    JsonNode json = Json.read(Files.readString(report));
    assertThat(json.get("gate").asText()).isEqualTo("production");
    assertThat(json.get("passed").asBoolean()).isFalse();
    assertThat(json.get("checks").get(0).get("status").asText()).isEqualTo("FAILED");
    assertThat(out).startsWith("gate production: FAILED").contains("report (json) written to");
  }

  @Test
  void anOutputThatCannotBeWrittenIsABadInputNotACrash() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "production",
                "--metric",
                "accuracy=0.99",
                "--metric",
                "latency_p99_ms=50",
                "--output",
                notAFolder.resolve("gate.txt").toString()))
        .isEqualTo(2);
    assertThat(err)
        .contains("cannot write the report to " + notAFolder.resolve("gate.txt"))
        .contains("pass --output a path in a writable folder");
  }

  @Test
  void everyFormatIsWrittenToStdout() {
    for (String f : List.of("text", "json", "junit", "markdown", "sarif", "MARKDOWN")) {
      assertThat(
              run(
                  gates.toString(),
                  "--gate",
                  "production",
                  "--metric",
                  "accuracy=0.99",
                  "--metric",
                  "latency_p99_ms=50",
                  "--format",
                  f,
                  "--no-record"))
          .isEqualTo(0);
      assertThat(out).isNotBlank();
    }
    assertThat(out).startsWith("### ✅ Quality gate `production` passed");
  }

  @Test
  void regressionCheckWithoutAnyBaselineExitsTwoPointingAtTheCheck() {
    assertThat(run(gates.toString(), "--gate", "regression", "--metric", "train.accuracy=0.9"))
        .isEqualTo(2);
    assertThat(err)
        .contains(
            gates
                + ":13:9: check 'train.accuracy' compares with a baseline,"
                + " but none was given. Pass --baseline FILE or --job-name NAME");
  }

  @Test
  void regressionAgainstABaselineFile() throws IOException {
    Path base = write("baseline.json", "{\"train\": {\"accuracy\": 0.93}}");
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "regression",
                "--metric",
                "train.accuracy=0.91",
                "--baseline",
                base.toString()))
        .isEqualTo(0);
    assertThat(out).contains("0.91 >= 0.91 (baseline 0.93 - max_drop 0.02)");
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "regression",
                "--metric",
                "train.accuracy=0.909",
                "--baseline",
                base.toString()))
        .isEqualTo(1);
  }

  @Test
  void missingBaselineFileOnTheCommandLineExitsTwoButAMissingCheckBaselineIsNotMeasured()
      throws IOException {
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "regression",
                "--metric",
                "train.accuracy=0.91",
                "--baseline",
                dir.resolve("none.json").toString()))
        .isEqualTo(2);
    assertThat(err).contains("none.json: no such file");
    Path g =
        write(
            "own.yml",
            """
        name: own
        checks:
          - {metric: accuracy, max_drop: 0.01, baseline: first-run.json}
        """);
    assertThat(run(g.toString(), "--metric", "accuracy=0.9")).isEqualTo(1);
    assertThat(out).contains("NOT_MEASURED").contains("first-run.json, which does not exist yet");
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "regression",
                "--baseline",
                "b.json",
                "--job-name",
                "j"))
        .isEqualTo(2);
    assertThat(err).contains("give --baseline FILE or --job-name NAME, not both");
  }

  @Test
  void regressionAgainstTheLastSuccessfulRunOfTheJob() {
    try (Store store = Store.open(home)) {
      insertRun(store, 1, "nightly", "SUCCESS", 1000, "{\"accuracy\": 0.80}");
      insertRun(store, 2, "nightly", "SUCCESS", 2000, "{\"accuracy\": 0.95}");
      insertRun(store, 3, "nightly", "FAILED", 3000, "{\"accuracy\": 0.50}");
      insertRun(store, 4, "other", "SUCCESS", 4000, "{\"accuracy\": 0.10}");
    }
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "regression",
                "--metric",
                "train.accuracy=0.94",
                "--job-name",
                "nightly"))
        .isEqualTo(0);
    assertThat(out).contains("0.94 >= 0.93 (baseline 0.95 - max_drop 0.02)");
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "regression",
                "--metric",
                "train.accuracy=0.92",
                "--job-name",
                "nightly",
                "--format",
                "json"))
        .isEqualTo(1);
    assertThat(out).contains("run 2 of job 'nightly' (its last successful run)");
  }

  @Test
  void regressionAgainstAJobWithNoSuccessfulRunIsNotMeasured() {
    assertThat(
            run(
                gates.toString(),
                "--gate",
                "regression",
                "--metric",
                "train.accuracy=0.94",
                "--job-name",
                "nightly"))
        .isEqualTo(1);
    assertThat(out).contains("NOT_MEASURED").contains("no successful run of job 'nightly' yet");
  }

  static void insertRun(
      Store store, long id, String job, String result, long end, String trainValues) {
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO runs (run_id, job_name,"
                      + " job_file, definition, parameters, state, result_state, start_time, end_time)"
                      + " VALUES (?, ?, 'job.yml', '', '{}', 'TERMINATED', ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, job);
            ps.setString(3, result);
            ps.setLong(4, end - 10);
            ps.setLong(5, end);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO task_runs (run_id, task_key,"
                      + " state, result_state, task_values) VALUES (?, 'train', 'TERMINATED', ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, result);
            ps.setString(3, trainValues);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Test
  void resultIsStoredUnlessNoRecord() {
    run(gates.toString(), "--gate", "production", "--metric", "accuracy=0.97", "--no-record");
    assertThat(run(gates.toString(), "--gate", "production", "--metric", "accuracy=0.97"))
        .isEqualTo(1);
    try (Store store = Store.open(home)) {
      List<String> rows =
          store.read(
              c -> {
                List<String> r = new ArrayList<>();
                try (PreparedStatement ps =
                        c.prepareStatement(
                            "SELECT e.gate, e.passed, e.run_id,"
                                + " k.check_name, k.value, k.status, k.blocking FROM gate_evaluations e JOIN"
                                + " gate_checks k USING (evaluation_id) ORDER BY k.check_name");
                    ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    r.add(
                        rs.getString(1)
                            + " "
                            + rs.getInt(2)
                            + " "
                            + rs.getObject(3)
                            + " "
                            + rs.getString(4)
                            + " "
                            + rs.getObject(5)
                            + " "
                            + rs.getString(6)
                            + " "
                            + rs.getInt(7));
                  }
                }
                return r;
              });
      assertThat(rows)
          .containsExactly(
              "production 0 null accuracy 0.97 PASSED 0",
              "production 0 null latency null NOT_MEASURED 1");
    }
  }
}
