package io.andon.schedule.service;

import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import io.andon.schedule.PauseStatus;
import io.andon.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fires of schedules and triggers and the pauses set through the service, over the store's
 * {@code schedule_fires} and {@code schedule_pauses} tables. A fire is one row per job and trigger
 * time, committed before its run starts and linked to the run once it exists, so that a fire is
 * never repeated and one that a crash left without a run is found again.
 */
public final class FireStore {
  /** A committed fire; {@code runId} empty while its run has not been recorded. */
  public record Fire(String jobName, TriggerInfo trigger, Optional<Long> runId) {
    public Fire {
      Objects.requireNonNull(jobName, "jobName");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(runId, "runId");
    }
  }

  /**
   * A pause or resume given through the service: {@code status}, set while the job file said {@code
   * fileStatus}. It holds until the job file's own pause_status changes.
   */
  public record PauseOverride(PauseStatus status, PauseStatus fileStatus) {
    public PauseOverride {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(fileStatus, "fileStatus");
    }
  }

  private final Store store;

  public FireStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Commits a fire of {@code jobName}; false, and nothing written, when the job already has a fire
   * at that trigger time.
   */
  public boolean commit(String jobName, TriggerInfo trigger, Instant committedAt) {
    return !commitAll(Map.of(jobName, trigger), committedAt).isEmpty();
  }

  /**
   * Commits a fire of each job of {@code fires} in one transaction; returns the names of the jobs
   * whose fire was new (a job that already has a fire at that trigger time is left as it was).
   */
  public Set<String> commitAll(Map<String, TriggerInfo> fires, Instant committedAt) {
    return store.tx(
        c -> {
          Set<String> fresh = new HashSet<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO schedule_fires"
                      + " (job_name, planned_time, trigger, location, committed_at) VALUES (?,?,?,?,?)")) {
            for (Map.Entry<String, TriggerInfo> fire : fires.entrySet()) {
              TriggerInfo trigger = fire.getValue();
              ps.setString(1, fire.getKey());
              ps.setLong(2, trigger.time().toEpochMilli());
              ps.setString(3, trigger.type().name());
              ps.setString(4, trigger.fileArrivalLocation().orElse(null));
              ps.setLong(5, committedAt.toEpochMilli());
              if (ps.executeUpdate() == 1) {
                fresh.add(fire.getKey());
              }
            }
          }
          return fresh;
        });
  }

  /** Links the fire at {@code time} to the run it started. */
  public void started(String jobName, Instant time, long runId) {
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE schedule_fires SET run_id = ?"
                      + " WHERE job_name = ? AND planned_time = ?")) {
            ps.setLong(1, runId);
            ps.setString(2, jobName);
            ps.setLong(3, time.toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  /** The time of the latest fire of {@code jobName} of {@code type}, if it ever fired so. */
  public Optional<Instant> lastFire(String jobName, TriggerType type) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MAX(planned_time) FROM"
                      + " schedule_fires WHERE job_name = ? AND trigger = ?")) {
            ps.setString(1, jobName);
            ps.setString(2, type.name());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long at = rs.getLong(1);
              return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
            }
          }
        });
  }

  /**
   * The fires of {@code jobName} whose run was never linked, oldest first, each with the run that a
   * crash between the run's start and the link left recorded with the same trigger, if any.
   */
  public List<Fire> unlinked(String jobName) {
    return store.read(
        c -> {
          List<Fire> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT f.planned_time, f.trigger,"
                      + " f.location, (SELECT MIN(r.run_id) FROM runs r WHERE r.job_name = f.job_name"
                      + " AND r.trigger_time = f.planned_time AND r.trigger = f.trigger) FROM"
                      + " schedule_fires f WHERE f.job_name = ? AND f.run_id IS NULL"
                      + " ORDER BY f.planned_time")) {
            ps.setString(1, jobName);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                TriggerInfo t =
                    new TriggerInfo(
                        TriggerType.valueOf(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(1)),
                        Optional.ofNullable(rs.getString(3)));
                long run = rs.getLong(4);
                out.add(new Fire(jobName, t, rs.wasNull() ? Optional.empty() : Optional.of(run)));
              }
            }
          }
          return out;
        });
  }

  /** The run of the latest fire of {@code jobName} that started one. */
  public Optional<Long> lastRun(String jobName) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT run_id FROM schedule_fires"
                      + " WHERE job_name = ? AND run_id IS NOT NULL ORDER BY planned_time DESC LIMIT 1")) {
            ps.setString(1, jobName);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  /** True while run {@code runId} is queued or in progress. */
  public boolean inProgress(long runId) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM runs WHERE run_id = ?"
                      + " AND state IN ('QUEUED','PENDING','RUNNING','TERMINATING')")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** The pause or resume given through the service for {@code jobName}, if any. */
  public Optional<PauseOverride> pause(String jobName) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT pause_status, file_status FROM"
                      + " schedule_pauses WHERE job_name = ?")) {
            ps.setString(1, jobName);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(
                      new PauseOverride(
                          PauseStatus.valueOf(rs.getString(1)),
                          PauseStatus.valueOf(rs.getString(2))))
                  : Optional.<PauseOverride>empty();
            }
          }
        });
  }

  /**
   * The pause or resume given through the service for {@code jobName} that still holds while its
   * job file says {@code fileStatus}: none when none was given, or when the job file's own
   * pause_status has changed since (the file wins then).
   */
  public Optional<PauseStatus> heldPause(String jobName, PauseStatus fileStatus) {
    return pause(jobName).filter(p -> p.fileStatus() == fileStatus).map(PauseOverride::status);
  }

  /** Records a pause or resume of {@code jobName} given through the service. */
  public void setPause(String jobName, PauseOverride pause, Instant at) {
    store.tx(c -> write(c, jobName, pause, at));
  }

  /** Forgets the pause or resume given through the service for {@code jobName}. */
  public void clearPause(String jobName) {
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM schedule_pauses WHERE job_name = ?")) {
            ps.setString(1, jobName);
            return ps.executeUpdate();
          }
        });
  }

  private static int write(Connection c, String jobName, PauseOverride pause, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO schedule_pauses (job_name,"
                + " pause_status, file_status, changed_at) VALUES (?,?,?,?) ON CONFLICT(job_name) DO"
                + " UPDATE SET pause_status = excluded.pause_status, file_status ="
                + " excluded.file_status, changed_at = excluded.changed_at")) {
      ps.setString(1, jobName);
      ps.setString(2, pause.status().name());
      ps.setString(3, pause.fileStatus().name());
      ps.setLong(4, at.toEpochMilli());
      return ps.executeUpdate();
    }
  }
}
