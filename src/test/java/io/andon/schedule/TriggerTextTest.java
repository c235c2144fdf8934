package io.andon.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TriggerTextTest {
  private static CronSchedule cron(String text, String zone) {
    return new CronSchedule(QuartzCron.parse(text, ZoneId.of(zone), "test"), PauseStatus.UNPAUSED);
  }

  @Test
  void aDailyWeekdayOrMonthlyCronReadsAsWords() {
    assertThat(TriggerText.describe(cron("0 0 6 * * ?", "UTC")))
        .isEqualTo("schedule: every day at 06:00 (UTC)");
    assertThat(TriggerText.describe(cron("0 30 9 ? * MON-FRI", "Europe/Berlin")))
        .isEqualTo("schedule: every MON-FRI at 09:30 (Europe/Berlin)");
    assertThat(TriggerText.describe(cron("0 0 12 15 * ?", "UTC")))
        .isEqualTo("schedule: on day 15 of every month at 12:00 (UTC)");
    assertThat(TriggerText.describe(cron("0 0 23 L * ?", "UTC")))
        .isEqualTo("schedule: on the last day of every month at 23:00 (UTC)");
  }

  @Test
  void aCronWithoutASimpleTextFormIsShownAsWritten() {
    assertThat(TriggerText.describe(cron("0 0/15 * * * ?", "UTC")))
        .isEqualTo("schedule: cron '0 0/15 * * * ?' (UTC)");
    assertThat(TriggerText.describe(cron("0 0 9 ? * 6#3", "UTC")))
        .isEqualTo("schedule: cron '0 0 9 ? * 6#3' (UTC)");
  }

  @Test
  void periodicFileArrivalContinuousAndPausedReadAsWords() {
    assertThat(
            TriggerText.describe(new PeriodicTrigger(6, PeriodicUnit.HOURS, PauseStatus.UNPAUSED)))
        .isEqualTo("trigger: every 6 hours");
    assertThat(
            TriggerText.describe(new PeriodicTrigger(1, PeriodicUnit.WEEKS, PauseStatus.UNPAUSED)))
        .isEqualTo("trigger: every week");
    assertThat(
            TriggerText.describe(
                new FileArrivalTrigger(
                    "in/*.csv",
                    Duration.ofSeconds(300),
                    Duration.ofSeconds(60),
                    PauseStatus.UNPAUSED)))
        .isEqualTo(
            "trigger: when new files under in/*.csv have been quiet for 60 s, at most"
                + " every 300 s");
    assertThat(TriggerText.describe(new ContinuousTrigger(PauseStatus.PAUSED)))
        .isEqualTo(
            "continuous: a new run as soon as the last one ends; PAUSED, so it does not" + " fire");
  }

  @Test
  void theNextFireIsInTheSchedulesTimeZoneAndOnlyForAnUnpausedCron() {
    Instant noon = Instant.parse("2026-12-06T12:00:00Z");
    assertThat(TriggerText.nextFire(cron("0 30 2 * * ?", "Europe/Berlin"), noon))
        .contains("2026-12-07 02:30:00 CET");
    assertThat(
            TriggerText.nextFire(
                new CronSchedule(
                    QuartzCron.parse("0 0 6 * * ?", ZoneId.of("UTC"), "test"), PauseStatus.PAUSED),
                noon))
        .isEmpty();
    assertThat(
            TriggerText.nextFire(
                new PeriodicTrigger(1, PeriodicUnit.DAYS, PauseStatus.UNPAUSED), noon))
        .isEmpty();
    assertThat(TriggerText.nextFire(cron("0 0 0 1 1 ? 2020", "UTC"), noon)).isEmpty();
  }
}
