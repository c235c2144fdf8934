package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.chunk.NannyFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code andon monitor --chunking} on the generated inference log whose drift starts at row 1,000,
 * and a gate over the chunked methods in the monitor's JSON.
 */
class ChunkedMonitorCommandTest {
  @TempDir static Path dir;
  private static Path monitor;

  @BeforeAll
  static void writeTheMonitor() throws Exception {
    NannyFixtures.copy(dir, "classification_reference.csv");
    NannyFixtures.copy(dir, "classification_analysis.csv");
    monitor = dir.resolve("clf.yaml");
    Files.writeString(
        monitor,
        """
        table: classification_analysis.csv
        baseline_table: classification_reference.csv
        profile_type: inference_log
        timestamp_col: ts
        granularities: ["1 day"]
        prediction_col: yhat
        prediction_proba_col: p
        label_col: y
        problem_type: classification
        categorical: [c]
        min_sample: 200
        performance_estimation: true
        multivariate: {methods: [pca_reconstruction]}
        """);
  }

  @Test
  void chunkingOnTheCommandLineCutsTheRowsAndTheTextNamesEveryAlertingChunk() {
    Cli r =
        Cli.run(
            "monitor",
            monitor.toString(),
            "--no-store",
            "--chunking",
            "count:4",
            "--home",
            dir.resolve("home").toString());
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(r.out)
        .contains("BASELINE chunk count 4")
        .contains("cbpe f1 (count 4): 2 of 4 chunks alert")
        .contains("alert cbpe f1 chunk 2 (rows 1000-1499, 2026-02-01T16:40:00Z to")
        .doesNotContain("alert cbpe f1 chunk 1")
        .contains(
            "warning: the baseline makes only 4 chunks (count 4); alert bands learned from fewer"
                + " than 6 chunks are unreliable");
  }

  @Test
  void aBadChunkingOnTheCommandLineIsInvalidInput() {
    Cli r = Cli.run("monitor", monitor.toString(), "--no-store", "--chunking", "rows:5");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--chunking must be size:N, count:N or time, not 'rows:5'");
  }

  @Test
  void aGateReadsTheChunkedMethodsFromTheMonitorsJson() throws Exception {
    Path json = dir.resolve("monitor.json");
    Cli m =
        Cli.run(
            "monitor",
            monitor.toString(),
            "--no-store",
            "--chunking",
            "size:500",
            "--format",
            "json",
            "--output",
            json.toString());
    assertThat(m.exit).as(m.toString()).isZero();
    Path gates = dir.resolve("gates.yml");
    Files.writeString(
        gates,
        """
        name: model health
        checks:
          - name: estimated f1 holds
            metric: monitor.chunked[method=cbpe][metric=f1].alerting_chunks
            comparator: "=="
            threshold: 0
          - name: no multivariate drift
            metric: monitor.chunked[method=pca_reconstruction].alerting_chunks
            comparator: "=="
            threshold: 0
        """);
    Cli g =
        Cli.run(
            "gate",
            gates.toString(),
            "--metrics",
            "monitor=" + json,
            "--home",
            dir.resolve("home").toString());
    assertThat(g.exit).as(g.toString()).isEqualTo(1);
    assertThat(g.out).contains("estimated f1 holds").contains("FAILED");
  }
}
