package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.store.Store;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run and its idempotency token are committed together: a failure between creating the run and
 * recording its token leaves neither, so the client's retry starts the run once.
 */
class IdempotencyTest {
  @TempDir Path tmp;

  @Test
  void aRunNowWhoseTokenCannotBeRecordedLeavesNoRunAndItsRetryStartsExactlyOne() throws Exception {
    Served.trueJob(tmp, "job.yml", "job");
    try (Served s = Served.of(tmp, "job.yml");
        Connection db =
            DriverManager.getConnection("jdbc:sqlite:" + s.home.resolve(Store.DB_FILE))) {
      String body = "{\"job_id\": 1, \"idempotency_token\": \"nightly-2026-12-06\"}";
      try (Statement st = db.createStatement()) {
        // the store itself refuses the token's row: the failure falls after the run's row
        st.execute("PRAGMA busy_timeout = 10000");
        st.execute(
            "CREATE TRIGGER refuse_token BEFORE INSERT ON serve_runs"
                + " BEGIN SELECT RAISE(ABORT, 'token write refused'); END");
      }
      Served.Answer failed = s.post("/api/2.2/jobs/run-now", body);
      assertThat(failed.status()).isEqualTo(500);
      assertThat(runsOfJob(db)).as("a run without its token").isZero();

      try (Statement st = db.createStatement()) {
        st.execute("DROP TRIGGER refuse_token");
      }
      long retried = s.post("/api/2.2/jobs/run-now", body).body().get("run_id").asLong();
      long again = s.post("/api/2.2/jobs/run-now", body).body().get("run_id").asLong();
      assertThat(again).isEqualTo(retried);
      s.awaitEnd(retried);
      assertThat(runsOfJob(db)).isEqualTo(1);
    }
  }

  private static int runsOfJob(Connection db) throws Exception {
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM runs WHERE job_name = 'job'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
