package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      return Json.read(out);
    }
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = AndonCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return new Run(cl.execute(args), out.toString(), err.toString());
  }

  /** Parquet inputs with numbers (nulls, NaN, infinities), integers and categories. */
  @BeforeEach
  void data() throws Exception {
    base = dir.resolve("base.parquet");
    cur = dir.resolve("cur.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SELECT setseed(0.4)");
      for (Path p : new Path[] {base, cur}) {
        double shift = p == cur ? 0.6 : 0;
        s.execute(
            "COPY (SELECT random() + "
                + shift
                + " AS x, CASE WHEN i % 9 = 0 THEN NULL WHEN i % 31 = 0 THEN 'nan'::DOUBLE"
                + " WHEN i % 37 = 0 THEN 'inf'::DOUBLE ELSE random() * 10 END AS y,"
                + " (i % 40)::INTEGER AS k, CASE WHEN i % 3 = 0 THEN 'a' ELSE 'b' END AS cat"
                + " FROM range(5000) r(i)) TO '"
                + p
                + "' (FORMAT parquet)");
      }
    }
  }

  private String[] drift(String... more) {
    String[] head = {
      "drift", "--baseline", base.toString(), "--current", cur.toString(), "--format", "json"
    };
    String[] all = new String[head.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(more, 0, all, head.length, more.length);
    return all;
  }

  private static JsonNode withoutTime(JsonNode j) {
    ObjectNode o = j.deepCopy();
    o.remove("generated_at");
    return o;
  }

  @Test
  void oneThreadAndThreeThreadsGiveTheSameReport() throws IOException {
    Run one = run(drift("--threads", "1"));
    Run three = run(drift("--threads", "3"));
    assertThat(one.out()).as(one.err()).contains("\"columns\"");
    assertThat(three.code()).isEqualTo(one.code());
    assertThat(withoutTime(three.json())).isEqualTo(withoutTime(one.json()));
    assertThat(one.json().get("columns").findValuesAsText("column_name"))
        .containsExactly("x", "y", "k", "cat");
    Run zero = run(drift("--threads", "0"));
    assertThat(zero.code()).isEqualTo(2);
    assertThat(zero.err()).contains("--threads must be at least 1");
  }

  @Test
  void aboveTheSizeLimitStreamingModeIsTheDefaultAndSaysSoUnlessExactIsAsked() throws IOException {
    Run big = run(drift("--sketch-above", "0"));
    assertThat(big.err()).contains("comparing in streaming mode (--sketch)").contains("--exact");
    assertThat(big.json().path("warnings").toString()).contains("streaming mode");
    Run exact = run(drift("--sketch-above", "0", "--exact"));
    assertThat(exact.err()).doesNotContain("streaming mode");
    assertThat(exact.json().path("warnings").toString()).doesNotContain("streaming mode");
    Run small = run(drift());
    assertThat(small.err()).doesNotContain("streaming mode");
    Run both = run(drift("--sketch", "--exact"));
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--sketch and --exact contradict each other");
    Run negative = run(drift("--sketch-above", "-1"));
    assertThat(negative.code()).isEqualTo(2);
    assertThat(negative.err()).contains("--sketch-above must be 0 or more");
  }

  @Test
  void aMissingInputIsOneParagraphAndExitTwo() throws IOException {
    Run r =
        run(
            "drift",
            "--baseline",
            dir.resolve("nowhere.parquet").toString(),
            "--current",
            cur.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).contains("no such file or folder").doesNotContain("\n\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aMonitorWhoseBaselineIsMissingWritesNothingToTheStore() throws IOException {
    Path home = dir.resolve("home");
    Path m = dir.resolve("m.yaml");
    Files.writeString(
        m, "name: m\ntable: " + cur + "\nbaseline_table: " + dir.resolve("gone.parquet") + "\n");
    Run r = run("monitor", m.toString(), "--home", home.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("baseline_table").contains("no such file or folder");
    assertThat(home.resolve("andon.db")).doesNotExist();
  }
}
