package io.andon.monitor.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.cli.AndonCli;
import io.andon.engine.RecordingContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import io.andon.store.Store;
import io.andon.store.StoreRows;
import io.andon.util.Json;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YamlReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One comparison, every output: the verdict of {@code andon drift} (text, JSON, HTML, the one-line
 * summary, the exit code), of a {@code monitor_task} (task values) and of {@code andon monitor}
 * (text, JSON, HTML, exit code, and the drift rows alerts query) must be one and the same. The data
 * is the case that once split them: 3 of 9 feature columns drift (share 0.33), beside an id and a
 * constant column.
 */
class VerdictAcrossOutputsTest {
  @TempDir Path dir;

  private record Run(int code, String out) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    var cl = AndonCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    int code = cl.execute(args);
    return new Run(code, out.toString());
  }

  private void tables(int rows) throws Exception {
    for (String side : List.of("base", "cur")) {
      SplittableRandom r = new SplittableRandom(side.equals("base") ? 1 : 2);
      StringBuilder sb = new StringBuilder("id,k,x0,x1,x2,x3,x4,x5,d0,d1,d2\n");
      for (int i = 0; i < rows; i++) {
        sb.append(side.equals("base") ? i : rows + i).append(",1");
        for (int c = 0; c < 9; c++) {
          double shift = c >= 6 && side.equals("cur") ? 1.0 : 0.0;
          sb.append(String.format(Locale.ROOT, ",%.5f", shift + r.nextGaussian()));
        }
        sb.append('\n');
      }
      Files.writeString(dir.resolve(side + ".csv"), sb);
    }
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex + " in\n" + text).isTrue();
    return m.group(1);
  }

  private String taskVerdict(String yaml) throws Exception {
    Problems p = new Problems();
    Payload payload =
        RecordingContext.type("monitor_task")
            .parse(
                (YMap) YamlReader.parse("job.yaml", yaml.getBytes(StandardCharsets.UTF_8)), p, dir)
            .orElseThrow();
    assertThat(p.isEmpty()).as(p.list().toString()).isTrue();
    try (Store store = Store.open(dir.resolve("taskhome"))) {
      RecordingContext ctx =
          new RecordingContext(
              1, "job", "check_drift", dir, dir.resolve("home"), Optional.of(store), Map.of());
      TaskOutcome out = RecordingContext.runner("monitor_task").run(payload, ctx);
      assertThat(out.success()).isEqualTo(!ctx.values().get("drift_detected").asBoolean());
      return ctx.values().get("verdict").asText();
    }
  }

  /** Every output's verdict, by output. */
  private Map<String, String> verdicts(List<String> driftFlags, String monitorExtra)
      throws Exception {
    Map<String, String> v = new LinkedHashMap<>();
    List<String> base =
        new ArrayList<>(
            List.of(
                "drift",
                "--baseline",
                dir.resolve("base.csv").toString(),
                "--current",
                dir.resolve("cur.csv").toString()));
    base.addAll(driftFlags);
    Run text = cli(base.toArray(String[]::new));
    v.put("drift text", group(text.out(), "result: (\\S+( drift)?) \\("));
    v.put("drift exit code", String.valueOf(text.code()));
    List<String> json = new ArrayList<>(base);
    json.addAll(List.of("--format", "json"));
    Run j = cli(json.toArray(String[]::new));
    JsonNode ds = Json.read(j.out()).get("dataset");
    v.put("drift json", ds.get("verdict").asText());
    v.put("drift json exit code", String.valueOf(j.code()));
    List<String> html = new ArrayList<>(base);
    Path report = dir.resolve("report.html");
    html.addAll(List.of("--format", "html", "--output", report.toString()));
    Run h = cli(html.toArray(String[]::new));
    v.put("drift html headline", group(Files.readString(report), "id=\"headline\">([^<]+)</span>"));
    v.put("drift one-line summary", group(h.out(), "^(\\S+( drift)?) \\("));
    assertThat(text.out()).contains("rule: " + ds.get("rule").asText());
    assertThat(Files.readString(report))
        .contains(io.andon.monitor.report.HtmlReport.esc(ds.get("rule").asText()));
    Files.writeString(
        dir.resolve("m.yaml"),
        "name: m\ntable: cur.csv\nbaseline_table: base.csv\n" + monitorExtra);
    Path home = dir.resolve("home");
    Run mt =
        cli(
            "monitor",
            dir.resolve("m.yaml").toString(),
            "--home",
            home.toString(),
            "--fail-on-drift");
    v.put("monitor text", group(mt.out(), "result: (\\S+( drift)?) \\("));
    v.put("monitor exit code", String.valueOf(mt.code()));
    Run mj = cli("monitor", dir.resolve("m.yaml").toString(), "--no-store", "--format", "json");
    v.put("monitor json", Json.read(mj.out()).get("verdict").get("verdict").asText());
    Run mh = cli("monitor", dir.resolve("m.yaml").toString(), "--no-store", "--format", "html");
    v.put("monitor html", group(mh.out(), "<p id=\"verdict\"><b>([^<]+)</b>"));
    v.put("monitor html headline", group(mh.out(), "id=\"headline\">([^<]+)</span>"));
    try (Store store = Store.open(home)) {
      int drifted =
          Integer.parseInt(
              StoreRows.first(
                  store,
                  "SELECT coalesce(sum(drift_detected), 0)"
                      + " FROM drift_metrics WHERE monitor_name = 'm'"));
      v.put("drift rows for alerts", drifted > 0 ? "DRIFT" : "no drift");
    }
    v.put(
        "comparison task",
        taskVerdict(
            "baseline: base.csv\ncurrent: cur.csv\n"
                + (driftFlags.isEmpty() ? "" : "drift_share: 0.5\n")));
    v.put("monitor task", taskVerdict("monitor_file: m.yaml\n"));
    return v;
  }

  private static String label(String outcome) {
    return switch (outcome) {
      case "DRIFT" -> "DRIFT";
      case "NO_DRIFT", "no drift" -> "no drift";
      default -> outcome;
    };
  }

  @Test
  void threeOfNineDriftedColumnsAreOneDriftVerdictInEveryOutput() throws Exception {
    tables(1000);
    Map<String, String> v = verdicts(List.of(), "");
    Map<String, String> expected = new LinkedHashMap<>();
    v.forEach((k, x) -> expected.put(k, k.contains("exit code") ? "1" : "DRIFT"));
    Map<String, String> seen = new LinkedHashMap<>();
    v.forEach((k, x) -> seen.put(k, k.contains("exit code") ? x : label(x)));
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void theShareRuleGivesOneNoDriftVerdictInEveryOutput() throws Exception {
    tables(1000);
    Map<String, String> v = verdicts(List.of("--drift-share", "0.5"), "drift_share: 0.5\n");
    Map<String, String> seen = new LinkedHashMap<>();
    v.forEach((k, x) -> seen.put(k, k.contains("exit code") ? x : label(x)));
    v.remove("drift rows for alerts");
    seen.remove("drift rows for alerts");
    Map<String, String> expected = new LinkedHashMap<>();
    seen.forEach((k, x) -> expected.put(k, k.contains("exit code") ? "0" : "no drift"));
    assertThat(seen).isEqualTo(expected);
  }
}
