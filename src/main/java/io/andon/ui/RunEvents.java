package io.andon.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state changes of one run as server-sent events: each poll of the store (every {@value
 * WebUi#EVENT_POLL_MS} ms, on the service's side; the page keeps one connection) sends the tasks
 * whose state changed since the last one as {@code event: tasks}, and once the run has ended sends
 * {@code event: end} and closes.
 */
final class RunEvents implements UiResponse.EventSource {
  private final Store store;
  private final long runId;
  private final Map<String, String> seen = new HashMap<>();
  private String runState = "";
  private boolean done;

  RunEvents(Store store, long runId) {
    this.store = store;
    this.runId = runId;
  }

  @Override
  public Optional<String> poll() {
    ObjectNode event = Json.object();
    ArrayNode changed = event.putArray("tasks");
    String[] run = new String[2];
    store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT state, result_state FROM runs WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                run[0] = rs.getString(1);
                run[1] = rs.getString(2);
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT task_key, state, result_state, outcome FROM task_runs"
                      + " WHERE run_id = ? AND iteration = -1")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String key = rs.getString(1);
                String state = rs.getString(2);
                String result = rs.getString(3);
                String sig = state + "/" + result + "/" + rs.getString(4);
                if (!sig.equals(seen.put(key, sig))) {
                  StateMark s = StateMark.of(state, Optional.ofNullable(result));
                  changed
                      .addObject()
                      .put("id", key)
                      .put("kind", s.kind())
                      .put("icon", s.icon())
                      .put("label", s.label());
                }
              }
            }
          }
          return null;
        });
    if (run[0] == null) {
      done = true;
      return Optional.of("event: end\ndata: {}\n\n");
    }
    StringBuilder out = new StringBuilder();
    String sig = run[0] + "/" + run[1];
    if (changed.size() > 0 || !sig.equals(runState)) {
      runState = sig;
      StateMark s = StateMark.of(run[0], Optional.ofNullable(run[1]));
      event.putObject("run").put("kind", s.kind()).put("icon", s.icon()).put("label", s.label());
      out.append("event: tasks\ndata: ").append(Json.write(event)).append("\n\n");
    }
    if (!s(run[0]).active()) {
      done = true;
      out.append("event: end\ndata: {}\n\n");
    }
    return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
  }

  private static StateMark s(String lifeCycle) {
    return StateMark.of(lifeCycle, Optional.empty());
  }

  @Override
  public boolean done() {
    return done;
  }
}
