package io.andon.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.engine.JobHarness;
import io.andon.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The task run page's data, read from a real run of the fixture job in a real store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskRunsTest {
  @TempDir static Path tmp;
  JobHarness h;
  RunRecord run;
  TaskRuns runs;

  @BeforeAll
  void runTheFixtureJob() throws Exception {
    h = new JobHarness(tmp);
    Path job = ResultsFixture.write(tmp);
    run = h.run(Files.readString(job));
    runs = new TaskRuns(h.store);
  }

  @AfterAll
  void close() {
    h.close();
  }

  @Test
  void aRetriedTaskShowsBothAttemptsWithTheirResultsAndLogs() {
    TaskRunView t = runs.find(run.runId(), "train").orElseThrow();
    assertThat(t.attempts()).hasSize(2);
    assertThat(t.attempts().get(0).resultState()).contains("FAILED");
    assertThat(t.attempts().get(0).exitCode()).contains(3);
    assertThat(t.attempts().get(1).resultState()).contains("SUCCESS");
    assertThat(t.attempts().get(1).retry()).isEqualTo(2);
    assertThat(t.attempts()).allMatch(TaskRunView.Attempt::hasLog);
    assertThat(t.values().get("accuracy").asDouble()).isEqualTo(0.93);
    assertThat(t.taskRunId()).isEqualTo((run.runId() << 32) + 1);
    assertThat(t.result()).isInstanceOf(PayloadResult.None.class);
    assertThat(t.live()).isFalse();
  }

  @Test
  void theLogOfEachAttemptIsReadFromAnOffsetAndSearched() {
    Path first = runs.log(run.runId(), "train", 1).orElseThrow();
    LogTail.Chunk all = LogTail.read(first, 0);
    assertThat(all.text()).contains("loading rows").contains("ERROR out of memory");
    LogTail.Chunk rest = LogTail.read(first, all.next());
    assertThat(rest.text()).isEmpty();
    assertThat(rest.next()).isEqualTo(all.size());
    LogTail.Chunk tail = LogTail.read(first, all.text().indexOf("epoch"));
    assertThat(tail.text()).startsWith("epoch 1 loss");
    LogTail.Search s = LogTail.search(runs.log(run.runId(), "train", 2).orElseThrow(), "EPOCH");
    assertThat(s.matches())
        .extracting(LogTail.Match::text)
        .containsExactly("epoch 1 loss 0.52", "epoch 2 loss 0.31");
    assertThat(s.matches().get(0).line()).isEqualTo(2);
    assertThat(runs.log(run.runId(), "train", 3)).isEmpty();
  }

  @Test
  void aGateTaskShowsItsChecksPassedFailedAndNotMeasuredWithThresholds() {
    TaskRunView t = runs.find(run.runId(), "gate").orElseThrow();
    PayloadResult.Gate g = (PayloadResult.Gate) t.result();
    PayloadResult.Evaluation e = g.evaluations().get(0);
    assertThat(e.gate()).isEqualTo("production");
    assertThat(e.passed()).isFalse();
    assertThat(e.checks())
        .extracting(PayloadResult.GateCheck::name, PayloadResult.GateCheck::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("accuracy", "PASSED"),
            org.assertj.core.groups.Tuple.tuple("latency", "FAILED"),
            org.assertj.core.groups.Tuple.tuple("recall", "NOT_MEASURED"));
    PayloadResult.GateCheck latency = e.checks().get(1);
    assertThat(latency.threshold()).isEqualTo("100.0");
    assertThat(latency.condition()).isEqualTo("<= 100.0");
    assertThat(e.checks().get(2).condition()).isEqualTo("—");
    assertThat(latency.comparator()).isEqualTo("<=");
    assertThat(latency.value()).contains("140");
    assertThat(e.count("FAILED")).isEqualTo(1);
  }

  @Test
  void aTdgTaskShowsItsGradeComponentsAndWorstFiles() {
    PayloadResult.Tdg g =
        (PayloadResult.Tdg) runs.find(run.runId(), "grade").orElseThrow().result();
    assertThat(g.grade()).isEqualTo("C");
    assertThat(g.score()).isEqualTo(79.8);
    assertThat(g.components()).extracting(PayloadResult.Component::name).contains("complexity");
    assertThat(g.notMeasured()).containsExactly("coverage", "security");
    assertThat(g.worstFiles()).isNotEmpty();
    assertThat(g.worstFiles().get(0).score())
        .isLessThanOrEqualTo(g.worstFiles().get(g.worstFiles().size() - 1).score());
  }

  @Test
  void aComparisonMonitorTaskShowsItsDriftTableFromItsValues() {
    PayloadResult.Drift d =
        (PayloadResult.Drift) runs.find(run.runId(), "drift").orElseThrow().result();
    assertThat(d.verdict()).isEqualTo("DRIFT");
    assertThat(d.monitor()).isEmpty();
    assertThat(d.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.column()).isEqualTo("x");
              assertThat(r.drifted()).isTrue();
              assertThat(r.psi()).isPresent();
              assertThat(r.pvalue()).isPresent();
            });
  }

  @Test
  void aMonitorFileTaskShowsTheDriftRowsOfItsRun() {
    PayloadResult.Drift d =
        (PayloadResult.Drift) runs.find(run.runId(), "monitor").orElseThrow().result();
    assertThat(d.monitor()).contains(ResultsFixture.MONITOR);
    assertThat(d.rows()).isNotEmpty();
    assertThat(d.rows()).extracting(PayloadResult.DriftRow::column).contains("x", "country");
    assertThat(d.rows()).anyMatch(r -> r.group().contains("BASELINE 1 day 2026-03-0"));
    assertThat(d.rows()).anyMatch(r -> r.group().contains("country=FR"));
    assertThat(d.rows().get(0).drifted()).isTrue();
  }

  @Test
  void anUnknownRunOrTaskFindsNothing() {
    assertThat(runs.find(run.runId() + 100, "train")).isEmpty();
    assertThat(runs.find(run.runId(), "nope")).isEmpty();
  }
}
