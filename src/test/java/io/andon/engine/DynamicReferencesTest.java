package io.andon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamic references of Databricks that andon resolves, and those it reports by name. */
class DynamicReferencesTest {
  @TempDir Path tmp;

  @Test
  void runIdsErrorCodesTriggerTypeAndStartTimePartsAreResolvedWhenATaskStarts() throws Exception {
    Path out = tmp.resolve("out.txt");
    try (JobHarness h = new JobHarness(tmp)) {
      RunRecord r =
          h.run(
              """
          name: refs
          tasks:
            - task_key: ok
              shell_task: {command: "true"}
            - task_key: bad
              shell_task: {command: "exit 3"}
            - task_key: report
              depends_on: [{task_key: ok}, {task_key: bad}]
              run_if: ALL_DONE
              shell_task:
                command: >-
                  echo "{{tasks.ok.run_id}}|{{tasks.ok.error_code}}|{{tasks.bad.error_code}}|{{job.trigger.type}}|{{job.start_time.year}}|{{job.start_time.month}}|{{job.start_time.iso_weekday}}|{{job.start_time.is_weekday}}|{{job.trigger.time.timestamp_ms}}" > %s
          """
                  .formatted(out));
      assertThat(JobHarness.result(r, "report")).isEqualTo("SUCCESS");
      String[] v = Files.readString(out).strip().split("\\|", -1);
      ZonedDateTime start = Instant.ofEpochMilli(r.startTime()).atZone(ZoneOffset.UTC);
      assertThat(v)
          .containsExactly(
              r.runId() + "-ok",
              "",
              "FAILED",
              "ONE_TIME",
              Integer.toString(start.getYear()),
              Integer.toString(start.getMonthValue()),
              Integer.toString(start.getDayOfWeek().getValue()),
              Boolean.toString(start.getDayOfWeek().getValue() <= 5),
              Long.toString(r.trigger().time().toEpochMilli()));
      assertThat(r.trigger().time().toEpochMilli()).isBetween(r.startTime() - 5_000, r.startTime());
    }
  }

  @Test
  void unknownTriggerFieldsAndOutputsAndonDoesNotRecordAreReportedByName() {
    try (JobHarness h = new JobHarness(tmp)) {
      assertThatThrownBy(
              () ->
                  h.load(
                      """
          name: refs
          tasks:
            - task_key: a
              shell_task: {command: "true"}
            - task_key: b
              depends_on: [{task_key: a}]
              shell_task:
                command: echo {{job.trigger.file_arrival.url}} {{tasks.a.output.result}}
          """))
          .hasMessageContaining(
              "{{job.trigger.file_arrival.url}} is not a trigger"
                  + " reference; known: trigger.type, trigger.time.<part>,"
                  + " trigger.file_arrival.location")
          .hasMessageContaining(
              "{{tasks.a.output.result}} reads the output of task 'a', which"
                  + " andon does not record for this task");
    }
  }
}
