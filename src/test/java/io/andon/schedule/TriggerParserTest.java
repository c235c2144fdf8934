package io.andon.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerParserTest {
  private static final String WHERE = "jobs/etl.yml: job 'etl'";

  private static Optional<JobTrigger> parse(Map<String, ?> job) {
    return TriggerParser.parse(job, WHERE);
  }

  @Test
  void readsTheCourseScheduleUnpausedByDefault() {
    assertThat(
            parse(
                Map.of(
                    "name",
                    "etl",
                    "schedule",
                    Map.of("quartz_cron_expression", "0 0 6 * * ?", "timezone_id", "UTC"))))
        .contains(
            new CronSchedule(
                QuartzCron.parse("0 0 6 * * ?", ZoneId.of("UTC"), WHERE), PauseStatus.UNPAUSED));
  }

  @Test
  void aJobWithoutScheduleOrTriggerHasNone() {
    assertThat(parse(Map.of("name", "etl", "tasks", java.util.List.of()))).isEmpty();
  }

  @Test
  void readsPeriodicFileArrivalAndContinuousWithTheirPauseStatus() {
    assertThat(
            parse(
                Map.of(
                    "trigger",
                    Map.of(
                        "pause_status",
                        "PAUSED",
                        "periodic",
                        Map.of("interval", 3, "unit", "DAYS")))))
        .contains(new PeriodicTrigger(3, PeriodicUnit.DAYS, PauseStatus.PAUSED));
    assertThat(
            parse(
                Map.of(
                    "trigger",
                    Map.of(
                        "file_arrival",
                        Map.of(
                            "url",
                            "data/in/*.csv",
                            "min_time_between_triggers_seconds",
                            60,
                            "wait_after_last_change_seconds",
                            15L)))))
        .contains(
            new FileArrivalTrigger(
                "data/in/*.csv",
                Duration.ofSeconds(60),
                Duration.ofSeconds(15),
                PauseStatus.UNPAUSED));
    assertThat(parse(Map.of("continuous", Map.of("pause_status", "PAUSED"))))
        .contains(new ContinuousTrigger(PauseStatus.PAUSED));
  }

  @Test
  void anUnknownTimeZoneSuggestsCloseIds() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "schedule",
                        Map.of(
                            "quartz_cron_expression",
                            "0 0 6 * * ?",
                            "timezone_id",
                            "Europe/Berln"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "jobs/etl.yml: job 'etl': schedule.timezone_id: 'Europe/Berln'"
                + " is not a time zone. Did you mean 'Europe/Berlin'?");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "schedule",
                        Map.of("quartz_cron_expression", "0 0 6 * * ?", "timezone_id", "berlin"))))
        .hasMessageContaining("Did you mean 'Europe/Berlin'?");
  }

  @Test
  void aMalformedCronNamesTheJobAndTheField() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "schedule",
                        Map.of("quartz_cron_expression", "0 61 6 * * ?", "timezone_id", "UTC"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "jobs/etl.yml: job 'etl': schedule: quartz_cron_expression"
                + " '0 61 6 * * ?': the minutes field '61' is invalid");
  }

  @Test
  void aPauseStatusThatIsNeitherPausedNorUnpausedIsRefused() {
    assertThatThrownBy(() -> parse(Map.of("continuous", Map.of("pause_status", "PAUSE"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "jobs/etl.yml: job 'etl': continuous.pause_status: 'PAUSE' is not one of"
                + " PAUSED, UNPAUSED. Did you mean 'PAUSED'?");
  }

  @Test
  void aPeriodicUnitNotInTheListIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "trigger", Map.of("periodic", Map.of("interval", 1, "unit", "MINUTES")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "trigger.periodic.unit: 'MINUTES' is not one of HOURS, DAYS," + " WEEKS.");
  }

  @Test
  void aNonPositiveOrNonIntegerIntervalIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of("trigger", Map.of("periodic", Map.of("interval", 0, "unit", "HOURS")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("trigger.periodic.interval: 0 is not a positive whole number");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "trigger", Map.of("periodic", Map.of("interval", "2", "unit", "HOURS")))))
        .hasMessageContaining("trigger.periodic.interval: expected a whole number, got String");
  }

  @Test
  void anUnknownKeyIsRefusedWithADidYouMean() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "schedule",
                        Map.of(
                            "quartz_cron_expression",
                            "0 0 6 * * ?",
                            "timezone_id",
                            "UTC",
                            "pause_staus",
                            "PAUSED"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "schedule: unknown key 'pause_staus'. Did you mean" + " 'pause_status'?");
  }

  @Test
  void moreThanOneOfScheduleTriggerAndContinuousIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "schedule",
                            Map.of("quartz_cron_expression", "0 0 6 * * ?", "timezone_id", "UTC"),
                        "continuous", Map.of())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has schedule and continuous; a job has at most one");
  }

  @Test
  void aTriggerNeedsExactlyOneKindAndTableTriggersAreRefusedAsUnsupported() {
    assertThatThrownBy(() -> parse(Map.of("trigger", Map.of("pause_status", "PAUSED"))))
        .hasMessageContaining("trigger: give exactly one of periodic and file_arrival.");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "trigger",
                        Map.of("table_update", Map.of("table_names", java.util.List.of("a"))))))
        .hasMessageContaining("trigger.table_update: table triggers watch Unity Catalog");
  }

  @Test
  void fileArrivalNeedsAUrlAndNonNegativeSeconds() {
    assertThatThrownBy(() -> parse(Map.of("trigger", Map.of("file_arrival", Map.of()))))
        .hasMessageContaining("trigger.file_arrival: 'url' is missing.");
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "trigger",
                        Map.of(
                            "file_arrival",
                            Map.of("url", "in/", "wait_after_last_change_seconds", -1)))))
        .hasMessageContaining("wait_after_last_change_seconds: -1 is negative");
  }

  @Test
  void aMissingCronOrZoneIsNamed() {
    assertThatThrownBy(() -> parse(Map.of("schedule", Map.of("timezone_id", "UTC"))))
        .hasMessage(WHERE + ": schedule: 'quartz_cron_expression' is missing.");
    assertThatThrownBy(() -> parse(Map.of("schedule", "0 0 6 * * ?")))
        .hasMessage(WHERE + ": schedule: expected a mapping, got String '0 0 6 * * ?'.");
  }
}
