package io.andon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.job.JobSpec;
import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import io.andon.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run records what started it, and {@code {{job.trigger.*}}} reads that, repairs included. */
class RunTriggerTest {
  @TempDir Path tmp;

  private static String job(Path out) {
    return """
        name: triggered
        tasks:
          - task_key: report
            shell_task:
              command: >-
                echo "{{job.trigger.type}}|{{job.trigger.time.iso_datetime}}|{{job.trigger.time.hour}}|{{job.trigger.file_arrival.location}}" >> %s
        """
        .formatted(out);
  }

  @Test
  void aFileArrivalRunResolvesItsTypeFireTimeAndLocationAndStoresThem() throws Exception {
    Path out = tmp.resolve("out.txt");
    Instant fired = Instant.parse("2026-03-29T01:30:00Z");
    try (JobHarness h = new JobHarness(tmp)) {
      Executor.Outcome o =
          h.executor(2)
              .run(
                  RunRequest.of(h.load(job(out)))
                      .triggeredBy(TriggerInfo.fileArrival(fired, "data/incoming/*.csv")));
      RunRecord r = h.stored(o.runId());
      assertThat(JobHarness.result(r, "report")).isEqualTo("SUCCESS");
      assertThat(Files.readString(out).strip())
          .isEqualTo("FILE_ARRIVAL|2026-03-29T01:30|1|data/incoming/*.csv");
      assertThat(r.trigger()).isEqualTo(TriggerInfo.fileArrival(fired, "data/incoming/*.csv"));
    }
  }

  @Test
  void aRepairResolvesTheTriggerOfTheRunItRepairsNotOneTime() throws Exception {
    Path out = tmp.resolve("out.txt");
    Instant planned = Instant.parse("2026-12-06T06:00:00Z");
    try (JobHarness h = new JobHarness(tmp)) {
      JobSpec spec = h.load(job(out));
      long runId =
          h.executor(2)
              .run(RunRequest.of(spec).triggeredBy(TriggerInfo.of(TriggerType.PERIODIC, planned)))
              .runId();
      h.executor(2)
          .repair(
              runId, new Executor.RepairRequest(List.of("report"), false, false), spec, Map.of());
      assertThat(Files.readAllLines(out))
          .containsExactly("PERIODIC|2026-12-06T06:00|6|", "PERIODIC|2026-12-06T06:00|6|");
      assertThat(h.stored(runId).trigger().type()).isEqualTo(TriggerType.PERIODIC);
    }
  }

  @Test
  void aRunJobTaskChildRunIsRecordedAsStartedByItsParentsTask() throws Exception {
    try (JobHarness h = new JobHarness(tmp)) {
      h.write(
          "child.yml",
          """
          name: child
          tasks: [{task_key: c, shell_task: {command: "true"}}]
          """);
      RunRecord parent =
          h.run(
              """
          name: parent
          tasks:
            - task_key: call
              run_job_task: {job_file: child.yml}
          """);
      assertThat(JobHarness.result(parent, "call")).isEqualTo("SUCCESS");
      assertThat(parent.trigger().type()).isEqualTo(TriggerType.ONE_TIME);
      assertThat(h.stored(parent.runId() + 1).trigger().type()).isEqualTo(TriggerType.RUN_JOB_TASK);
    }
  }

  @Test
  void aRequestWithoutATriggerIsAOneTimeRunAtTheExecutorsClockNamedBeforeItRuns() throws Exception {
    ManualTimers timers = new ManualTimers();
    Path out = tmp.resolve("trigger.txt");
    List<Long> created = new java.util.ArrayList<>();
    try (JobHarness h = new JobHarness(tmp)) {
      Executor ex =
          new Executor(h.store, Executor.Options.defaults().withTimers(timers), List.of());
      Executor.Outcome o =
          ex.run(
              RunRequest.of(h.load(job(out)))
                  .onCreated(
                      id -> {
                        created.add(id);
                        assertThat(out).doesNotExist(); // told before the task ran
                      }));
      assertThat(created).containsExactly(o.runId());
      RunRecord r = h.stored(o.runId());
      assertThat(r.trigger().type()).isEqualTo(TriggerType.ONE_TIME);
      assertThat(r.trigger().time()).isEqualTo(timers.clock().instant());
      assertThat(Files.readString(out)).startsWith("ONE_TIME|");
    }
  }
}
