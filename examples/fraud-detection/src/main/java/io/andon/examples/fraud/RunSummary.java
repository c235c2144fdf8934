package io.andon.examples.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one-screen summary of a run of the example, read from the andon store (read-only): task
 * results and values, the gate's verdicts ({@code gate_checks}), the drift verdicts of the latest
 * monitor run ({@code drift_metrics}), and where the reports are.
 *
 * @param runId the run
 * @param lines the summary, one line each
 * @param values short task values: gate, model, drift
 * @param stopped why the line stopped (the gate failed or deploy did not run), or empty
 */
public record RunSummary(
    long runId, List<String> lines, Map<String, Object> values, String stopped) {
  /** The monitor's name in monitor.yml. */
  public static final String MONITOR = "fraud-production";

  public RunSummary {
    lines = List.copyOf(lines);
    values = Map.copyOf(values);
    Objects.requireNonNull(stopped, "stopped");
  }

  /** Reads the run {@code runId} from the store of {@code home}. */
  public static RunSummary read(Path home, long runId, Workspace work) throws SQLException {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(work, "work");
    Path db = home.resolve("andon.db");
    if (!Files.isRegularFile(db)) {
      throw new BadInputException(db + ": no andon store here; pass the run's --home.");
    }
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:file:" + db.toAbsolutePath() + "?mode=ro")) {
      c.createStatement().execute("PRAGMA busy_timeout = 10000");
      Map<String, JsonNode> taskValues = new LinkedHashMap<>();
      Map<String, String> results = new LinkedHashMap<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT task_key, COALESCE(result_state,"
                  + " state), task_values FROM task_runs WHERE run_id = ? AND iteration = -1")) {
        s.setLong(1, runId);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            results.put(rs.getString(1), rs.getString(2));
            try {
              taskValues.put(rs.getString(1), Json.read(rs.getString(3)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
              taskValues.put(rs.getString(1), Json.object());
            }
          }
        }
      }
      if (results.isEmpty()) {
        throw new BadInputException("there is no run " + runId + " in " + db + ".");
      }
      List<String> lines = new ArrayList<>();
      Map<String, Object> values = new LinkedHashMap<>();
      lines.add("fraud-detection run " + runId);
      JsonNode in = taskValues.getOrDefault("ingest", Json.object());
      if (in.has("rows")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  data     %d transactions, %.2f%% fraud; production"
                    + " batch of %d with a shift (amount, channel, card age)",
                in.get("rows").asLong(),
                100 * in.path("fraud_rate").asDouble(),
                in.path("production_rows").asLong()));
      }
      JsonNode v = taskValues.getOrDefault("validate", Json.object());
      if (v.has("accuracy")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  model    accuracy %.4f, precision %.4f, recall"
                    + " %.4f, f1 %.4f, ROC AUC %.4f, latency p99 %.3f ms, error rate %.4f",
                v.get("accuracy").asDouble(),
                v.path("precision").asDouble(),
                v.path("recall").asDouble(),
                v.path("f1").asDouble(),
                v.path("roc_auc").asDouble(),
                v.path("latency_p99_ms").asDouble(),
                v.path("error_rate").asDouble()));
      } else {
        lines.add(
            "  model    not measured: validate " + results.getOrDefault("validate", "did not run"));
      }
      List<String> failedChecks = new ArrayList<>();
      gate(c, runId, lines, values, failedChecks);
      JsonNode d = taskValues.getOrDefault("deploy", Json.object());
      String deploy = results.getOrDefault("deploy", "NOT RUN");
      if (d.has("version")) {
        lines.add(
            "  deploy   registered "
                + d.path("model").asText()
                + " version "
                + d.get("version").asInt()
                + " -> "
                + d.path("path").asText());
        values.put("model", d.path("model").asText() + " v" + d.get("version").asInt());
      } else {
        lines.add(
            "  deploy   " + deploy + ": nothing registered; the line stopped before" + " deploy");
        values.put("model", "not deployed");
      }
      drift(c, lines, values);
      JsonNode a = taskValues.getOrDefault("alerts", Json.object());
      if (a.has("states")) {
        List<String> states = new ArrayList<>();
        a.get("states")
            .properties()
            .forEach(e -> states.add(e.getKey() + " " + e.getValue().asText()));
        lines.add(
            "  alerts   "
                + String.join(", ", states)
                + "; notifications in "
                + work.root().resolve("notifications.jsonl"));
      }
      lines.add(
          "  reports  "
              + work.metricsJson()
              + ", "
              + work.reports().resolve("drift.html")
              + ", "
              + work.reports().resolve("tdg.json"));
      String stopped = "";
      if (!d.has("version")) {
        stopped =
            "the line stopped: "
                + (failedChecks.isEmpty()
                    ? "deploy " + deploy
                    : "gate " + String.join("; ", failedChecks))
                + "; no model was deployed.";
      }
      return new RunSummary(runId, lines, values, stopped);
    }
  }

  private static boolean hasTable(Connection c, String table) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void gate(
      Connection c,
      long runId,
      List<String> lines,
      Map<String, Object> values,
      List<String> failedChecks)
      throws SQLException {
    if (!hasTable(c, "gate_checks")) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT e.gate, e.passed, k.check_name,"
                + " k.status, k.message FROM gate_evaluations e JOIN gate_checks k USING (evaluation_id)"
                + " WHERE e.run_id = ? AND e.evaluation_id = (SELECT MAX(evaluation_id) FROM"
                + " gate_evaluations WHERE run_id = ?) ORDER BY k.rowid")) {
      s.setLong(1, runId);
      s.setLong(2, runId);
      try (ResultSet rs = s.executeQuery()) {
        List<String> checks = new ArrayList<>();
        String gate = null;
        boolean passed = false;
        int failed = 0;
        while (rs.next()) {
          gate = rs.getString(1);
          passed = rs.getInt(2) == 1;
          checks.add(
              String.format(
                  Locale.ROOT,
                  "           %-13s %-15s %s",
                  rs.getString(4),
                  rs.getString(3),
                  rs.getString(5)));
          if (!rs.getString(4).equals("PASSED")) {
            failed++;
            failedChecks.add(rs.getString(3) + " " + rs.getString(5));
          }
        }
        if (gate == null) {
          lines.add("  gate     not evaluated");
          values.put("gate", "not evaluated");
          return;
        }
        lines.add(
            "  gate     "
                + gate
                + " "
                + (passed ? "PASSED" : "FAILED")
                + ": "
                + (checks.size() - failed)
                + " of "
                + checks.size()
                + " checks passed");
        lines.addAll(checks);
        values.put("gate", passed ? "PASSED" : "FAILED");
      }
    }
  }

  private static void drift(Connection c, List<String> lines, Map<String, Object> values)
      throws SQLException {
    if (!hasTable(c, "drift_metrics")) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT column_name, drift_detected,"
                + " population_stability_index, js_distance FROM drift_metrics WHERE monitor_name = ?"
                + " AND column_name <> ':table'"
                + " AND run_at = (SELECT MAX(run_at) FROM drift_metrics WHERE monitor_name = ?)"
                + " ORDER BY drift_detected DESC, population_stability_index DESC")) {
      s.setString(1, MONITOR);
      s.setString(2, MONITOR);
      try (ResultSet rs = s.executeQuery()) {
        List<String> drifted = new ArrayList<>();
        List<String> stable = new ArrayList<>();
        while (rs.next()) {
          double psi = rs.getDouble(3);
          String col =
              rs.getString(1)
                  + (rs.wasNull() ? "" : String.format(Locale.ROOT, " (PSI %.3f)", psi));
          (rs.getInt(2) == 1 ? drifted : stable).add(col);
        }
        if (drifted.isEmpty() && stable.isEmpty()) {
          lines.add("  drift    not measured");
          return;
        }
        int n = drifted.size() + stable.size();
        lines.add(
            "  drift    "
                + drifted.size()
                + " of "
                + n
                + " columns drifted: "
                + String.join(", ", drifted));
        lines.add("           stable: " + String.join(", ", stable));
        values.put("drift", drifted.size() + " of " + n + " columns");
      }
    }
  }

  /** The summary as text. */
  public String text() {
    return String.join("\n", lines) + "\n";
  }
}
