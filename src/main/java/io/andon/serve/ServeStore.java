package io.andon.serve;

import io.andon.store.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The service's own tables (migration V007): a stable numeric id per job name, and for each run
 * started through the service its job id, what started it and its idempotency token.
 */
final class ServeStore {
  /** A run the service started, as recorded. */
  record ApiRun(long runId, long jobId) {}

  private final Store store;

  ServeStore(Store store) {
    this.store = store;
  }

  /** The job id of {@code name}, made at its first sight and kept from then on. */
  long jobId(String name, long now) {
    return store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO serve_jobs (job_name, created_time) VALUES (?, ?)"
                      + " ON CONFLICT(job_name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setLong(2, now);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT job_id FROM serve_jobs WHERE job_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  /** When the job id of {@code name} was made (epoch ms). */
  long createdTime(long jobId) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT created_time FROM serve_jobs WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          }
        });
  }

  /** The job id a job name has, if it ever had one. */
  Optional<Long> findJobId(String name) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT job_id FROM serve_jobs WHERE job_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  /**
   * Records that the service started {@code runId}, in the transaction of {@code c}: the one that
   * creates the run, so that a run and its idempotency token are committed together or not at all.
   */
  static void recordRun(Connection c, long runId, long jobId, Optional<String> idempotencyToken)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO serve_runs (run_id, job_id, idempotency_token) VALUES (?, ?, ?)")) {
      ps.setLong(1, runId);
      ps.setLong(2, jobId);
      ps.setString(3, idempotencyToken.orElse(null));
      ps.executeUpdate();
    }
  }

  /** The run an idempotency token started, if any. */
  Optional<ApiRun> byToken(String token) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT run_id, job_id FROM" + " serve_runs WHERE idempotency_token = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new ApiRun(rs.getLong(1), rs.getLong(2)))
                  : Optional.<ApiRun>empty();
            }
          }
        });
  }

  /** What started run {@code runId}, when the service did. */
  Optional<ApiRun> run(long runId) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT run_id, job_id FROM" + " serve_runs WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next()
                  ? Optional.of(new ApiRun(rs.getLong(1), rs.getLong(2)))
                  : Optional.<ApiRun>empty();
            }
          }
        });
  }

  /** The job ids of those of {@code runIds} that the service started, by run id: one query. */
  java.util.Map<Long, Long> jobIds(java.util.List<Long> runIds) {
    if (runIds.isEmpty()) {
      return java.util.Map.of();
    }
    return store.read(
        c -> {
          java.util.Map<Long, Long> out = new java.util.HashMap<>();
          String marks = String.join(",", java.util.Collections.nCopies(runIds.size(), "?"));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT run_id, job_id FROM serve_runs WHERE run_id IN (" + marks + ")")) {
            for (int i = 0; i < runIds.size(); i++) {
              ps.setLong(i + 1, runIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  /** Which runs a runs/list page asks for. */
  record RunQuery(
      Optional<String> jobName,
      boolean activeOnly,
      boolean completedOnly,
      Optional<Long> before,
      Optional<Long> startFrom,
      Optional<Long> startTo,
      int limit) {}

  /** The ids of top-level runs matching {@code q}, newest first, at most {@code q.limit()}. */
  java.util.List<Long> runIds(RunQuery q) {
    StringBuilder sql = new StringBuilder("SELECT run_id FROM runs WHERE parent_run_id IS NULL");
    java.util.List<Object> args = new java.util.ArrayList<>();
    q.jobName()
        .ifPresent(
            n -> {
              sql.append(" AND job_name = ?");
              args.add(n);
            });
    if (q.activeOnly()) {
      sql.append(
          " AND state IN ('QUEUED','PENDING','BLOCKED','RUNNING','WAITING_FOR_RETRY',"
              + "'TERMINATING')");
    }
    if (q.completedOnly()) {
      sql.append(" AND state IN ('TERMINATED','SKIPPED','INTERNAL_ERROR')");
    }
    q.before()
        .ifPresent(
            b -> {
              sql.append(" AND run_id < ?");
              args.add(b);
            });
    q.startFrom()
        .ifPresent(
            t -> {
              sql.append(" AND start_time >= ?");
              args.add(t);
            });
    q.startTo()
        .ifPresent(
            t -> {
              sql.append(" AND start_time <= ?");
              args.add(t);
            });
    sql.append(" ORDER BY run_id DESC LIMIT ?");
    args.add((long) q.limit());
    return store.read(
        c -> {
          java.util.List<Long> out = new java.util.ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getLong(1));
              }
            }
          }
          return out;
        });
  }

  /** The name of the job with id {@code jobId}, if it ever had one. */
  Optional<String> jobName(long jobId) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT job_name FROM serve_jobs WHERE job_id = ?")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }
}
