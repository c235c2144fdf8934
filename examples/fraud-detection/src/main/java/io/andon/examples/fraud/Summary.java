package io.andon.examples.fraud;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Step 7: prints the run's summary (gate verdicts, drift verdicts, where the reports are) and
 * writes it to {@code reports/summary.txt}.
 *
 * <pre>Summary --work DIR --home ANDON_HOME --run-id N</pre>
 *
 * Task values: {@code gate}, {@code model}, {@code drift}, {@code summary} (the file). Exits 1 when
 * the line stopped (the gate failed, or deploy did not run), saying why, so the run ends FAILED and
 * the summary's detail explains it.
 */
public final class Summary {
  private Summary() {}

  public static void main(String[] args) {
    Step.main("summary", args, Set.of("work", "home", "run-id"), Summary::run);
  }

  static Map<String, Object> run(Step.Args a) throws Exception {
    Workspace w = a.workspace();
    RunSummary s = RunSummary.read(a.path("home"), a.longValue("run-id", "0"), w);
    Files.createDirectories(w.reports());
    Path file = w.reports().resolve("summary.txt");
    Files.writeString(file, s.text(), StandardCharsets.UTF_8);
    System.out.print(s.text());
    System.out.flush();
    Map<String, Object> v = new LinkedHashMap<>(s.values());
    v.put("summary", file.toString());
    v.put("report", s.text()); // andon run prints a task's "report" value after its table
    if (!s.stopped().isEmpty()) {
      Step.publish(v); // a failed task's values stay readable
      throw new io.andon.error.AndonException(s.stopped(), 1);
    }
    return v;
  }
}
