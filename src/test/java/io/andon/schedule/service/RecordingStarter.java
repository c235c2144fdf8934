package io.andon.schedule.service;

import io.andon.job.TriggerInfo;
import io.andon.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts runs as rows of the real store's runs table, recorded with their trigger, and keeps the
 * order they were started in. The rows are RUNNING, as a real run's are when its start returns, or
 * already TERMINATED when {@code endAtOnce}; {@link #end} ends one.
 */
final class RecordingStarter implements RunStarter {
  record Started(String jobName, TriggerInfo trigger, long runId) {}

  private final Store store;
  private final boolean endAtOnce;
  final List<Started> started = new ArrayList<>();
  int failuresLeft;

  RecordingStarter(Store store, boolean endAtOnce) {
    this.store = store;
    this.endAtOnce = endAtOnce;
  }

  @Override
  public long start(String jobName, TriggerInfo trigger) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new IllegalStateException("job file " + jobName + ".yml no longer validates");
    }
    long runId = insert(store, jobName, trigger, endAtOnce ? "TERMINATED" : "RUNNING");
    started.add(new Started(jobName, trigger, runId));
    return runId;
  }

  /** A run row as a run started with {@code trigger} leaves it. */
  static long insert(Store store, String jobName, TriggerInfo trigger, String state) {
    return store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO runs (job_name, job_file,"
                      + " definition, parameters, state, start_time, trigger, trigger_time,"
                      + " trigger_location) VALUES (?, 'job.yml', '{}', '{}', ?, ?, ?, ?, ?)")) {
            ps.setString(1, jobName);
            ps.setString(2, state);
            ps.setLong(3, trigger.time().toEpochMilli());
            ps.setString(4, trigger.type().name());
            ps.setLong(5, trigger.time().toEpochMilli());
            ps.setString(6, trigger.fileArrivalLocation().orElse(null));
            ps.executeUpdate();
          }
          try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Ends run {@code runId}, as the engine does when its last task is done. */
  void end(long runId) {
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE runs SET state = 'TERMINATED',"
                      + " result_state = 'SUCCESS' WHERE run_id = ?")) {
            ps.setLong(1, runId);
            return ps.executeUpdate();
          }
        });
  }

  List<java.time.Instant> times() {
    return started.stream().map(s -> s.trigger().time()).toList();
  }
}
