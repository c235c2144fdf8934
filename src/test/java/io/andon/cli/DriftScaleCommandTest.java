package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.monitor.MonitorFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code andon drift} at scale: the bulk path on any number of threads gives one report, streaming
 * mode becomes the default above a size and says so, and bad input ends the run with one message.
 */
class DriftScaleCommandTest {
  @TempDir Path dir;
  Path base;
  Path cur;

  /** Parquet inputs with numbers (nulls, NaN, infinities), integers and categories. */
  @BeforeEach
  void data() throws Exception {
    base = dir.resolve("base.parquet");
    cur = dir.resolve("cur.parquet");
    String[] sql = {"SELECT setseed(0.4)", "", ""};
    for (int side = 0; side < 2; side++) {
      sql[side + 1] =
          MonitorFixture.toParquet(
              "SELECT random() + "
                  + (side == 1 ? 0.6 : 0)
                  + " AS x, CASE WHEN i % 9 = 0 THEN NULL WHEN i % 31 = 0 THEN 'nan'::DOUBLE"
                  + " WHEN i % 37 = 0 THEN 'inf'::DOUBLE ELSE random() * 10 END AS y,"
                  + " (i % 40)::INTEGER AS k, CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END AS cat"
                  + " FROM range(5000) r(i)",
              side == 1 ? cur : base);
    }
    MonitorFixture.duckdb(sql);
  }

  private Cli drift(String... more) {
    String[] json = {"--format", "json"};
    String[] all = new String[json.length + more.length];
    System.arraycopy(json, 0, all, 0, json.length);
    System.arraycopy(more, 0, all, json.length, more.length);
    return Cli.drift(base, cur, all);
  }

  private static JsonNode withoutTime(JsonNode j) {
    ObjectNode o = j.deepCopy();
    o.remove("generated_at");
    return o;
  }

  @Test
  void oneThreadAndThreeThreadsGiveTheSameReport() throws IOException {
    Cli one = drift("--threads", "1");
    Cli three = drift("--threads", "3");
    assertThat(one.out).as(one.err).contains("\"columns\"");
    assertThat(three.exit).isEqualTo(one.exit);
    assertThat(withoutTime(three.json())).isEqualTo(withoutTime(one.json()));
    assertThat(one.json().get("columns").findValuesAsText("column_name"))
        .containsExactly("x", "y", "k", "cat");
    Cli zero = drift("--threads", "0");
    assertThat(zero.exit).isEqualTo(2);
    assertThat(zero.err).contains("--threads must be at least 1");
  }

  @Test
  void aboveTheSizeLimitStreamingModeIsTheDefaultAndSaysSoUnlessExactIsAsked() throws IOException {
    Cli big = drift("--sketch-above", "0");
    assertThat(big.err).contains("comparing in streaming mode (--sketch)").contains("--exact");
    assertThat(big.json().path("warnings").toString()).contains("streaming mode");
    Cli exact = drift("--sketch-above", "0", "--exact");
    assertThat(exact.err).doesNotContain("streaming mode");
    assertThat(exact.json().path("warnings").toString()).doesNotContain("streaming mode");
    Cli small = drift();
    assertThat(small.err).doesNotContain("streaming mode");
    Cli both = drift("--sketch", "--exact");
    assertThat(both.exit).isEqualTo(2);
    assertThat(both.err).contains("--sketch and --exact contradict each other");
    Cli negative = drift("--sketch-above", "-1");
    assertThat(negative.exit).isEqualTo(2);
    assertThat(negative.err).contains("--sketch-above must be 0 or more");
  }

  @Test
  void aMissingInputIsOneParagraphAndExitTwo() throws IOException {
    Cli r = Cli.drift(dir.resolve("nowhere.parquet"), cur);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err.strip()).contains("no such file or folder").doesNotContain("\n\n");
    assertThat(r.out).isEmpty();
  }

  @Test
  void aMonitorWhoseBaselineIsMissingWritesNothingToTheStore() throws IOException {
    Path home = dir.resolve("home");
    Path m = dir.resolve("m.yaml");
    Files.writeString(
        m, "name: m\ntable: " + cur + "\nbaseline_table: " + dir.resolve("gone.parquet") + "\n");
    Cli r = Cli.run("monitor", m.toString(), "--home", home.toString());
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("baseline_table").contains("no such file or folder");
    assertThat(home.resolve("andon.db")).doesNotExist();
  }
}
