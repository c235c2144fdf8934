package io.andon.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirePlannerTest {
  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private static FirePlanner plannerAt(String iso) {
    return new FirePlanner(Clock.fixed(at(iso), ZoneOffset.UTC));
  }

  private static CronSchedule schedule(String cron, PauseStatus pause) {
    return new CronSchedule(QuartzCron.parse(cron, ZoneId.of("UTC"), "job.yml"), pause);
  }

  private static PlannedFire fire(String iso) {
    return new PlannedFire(at(iso), Optional.empty());
  }

  @Test
  void withNoFireCommittedTheFirstCronTimeFromNowIsPlanned() {
    assertThat(
            plannerAt("2026-12-06T05:00:00Z")
                .next(schedule("0 0 6 * * ?", PauseStatus.UNPAUSED), Optional.empty()))
        .contains(fire("2026-12-06T06:00:00Z"));
  }

  @Test
  void aFireDueWhileTheCallerSleptIsStillPlannedAfterTheLastCommittedOne() {
    // committed 06:00 yesterday; the service wakes 50 ms after today's 06:00
    assertThat(
            plannerAt("2026-12-06T06:00:00.050Z")
                .next(
                    schedule("0 0 6 * * ?", PauseStatus.UNPAUSED),
                    Optional.of(at("2026-12-06T06:00:00Z"))))
        .contains(fire("2026-12-07T06:00:00Z"));
    PlannedFire today =
        plannerAt("2026-12-06T05:59:59Z")
            .next(
                schedule("0 0 6 * * ?", PauseStatus.UNPAUSED),
                Optional.of(at("2026-12-05T06:00:00Z")))
            .orElseThrow();
    assertThat(today).isEqualTo(fire("2026-12-06T06:00:00Z"));
    assertThat(today.isDueAt(at("2026-12-06T06:00:00.050Z"))).isTrue();
    assertThat(today.isDueAt(at("2026-12-06T05:59:59.999Z"))).isFalse();
  }

  @Test
  void firesMissedWhileNothingRanAreNotCaughtUpOnlyTheNextFutureOneIsPlanned() {
    // last committed fire three days ago at 06:00, now 12:00: the fires of the 4th, 5th and
    // 6th at 06:00 are skipped and the next is tomorrow's
    assertThat(
            plannerAt("2026-12-06T12:00:00Z")
                .next(
                    schedule("0 0 6 * * ?", PauseStatus.UNPAUSED),
                    Optional.of(at("2026-12-03T06:00:00Z"))))
        .contains(
            new PlannedFire(at("2026-12-07T06:00:00Z"), Optional.of(at("2026-12-04T06:00:00Z"))));
  }

  @Test
  void aPausedScheduleIsNeverPlanned() {
    assertThat(
            plannerAt("2026-12-06T05:00:00Z")
                .next(schedule("0 0 6 * * ?", PauseStatus.PAUSED), Optional.empty()))
        .isEmpty();
    assertThat(
            plannerAt("2026-12-06T05:00:00Z")
                .next(
                    schedule("0 0 6 * * ?", PauseStatus.PAUSED),
                    Optional.of(at("2026-12-05T06:00:00Z"))))
        .isEmpty();
  }

  @Test
  void aCronFiringEverySecondIsClampedToEveryTenSeconds() {
    CronSchedule everySecond = schedule("* * * * * ?", PauseStatus.UNPAUSED);
    FirePlanner planner = plannerAt("2026-12-06T05:00:00.200Z");
    assertThat(planner.next(everySecond, Optional.empty())).contains(fire("2026-12-06T05:00:01Z"));
    assertThat(planner.next(everySecond, Optional.of(at("2026-12-06T05:00:00Z"))))
        .contains(fire("2026-12-06T05:00:10Z"));
    // every 15 seconds is left as it is
    assertThat(
            planner.next(
                schedule("0/15 * * * * ?", PauseStatus.UNPAUSED),
                Optional.of(at("2026-12-06T05:00:00Z"))))
        .contains(fire("2026-12-06T05:00:15Z"));
  }

  @Test
  void aScheduleWhoseLastYearHasPassedIsNotPlannedAgain() {
    assertThat(
            plannerAt("2031-01-01T00:00:00Z")
                .next(schedule("0 0 0 1 1 ? 2030", PauseStatus.UNPAUSED), Optional.empty()))
        .isEmpty();
    assertThat(
            plannerAt("2031-01-01T00:00:00Z")
                .next(
                    schedule("0 0 0 1 1 ? 2030", PauseStatus.UNPAUSED),
                    Optional.of(at("2030-01-01T00:00:00Z"))))
        .isEmpty();
  }

  @Test
  void aPeriodicTriggerFiresOnePeriodAfterItWasArmedThenAfterEachFire() {
    PeriodicTrigger everyTwoHours =
        new PeriodicTrigger(2, PeriodicUnit.HOURS, PauseStatus.UNPAUSED);
    FirePlanner planner = plannerAt("2026-12-06T05:00:00Z");
    assertThat(planner.next(everyTwoHours, Optional.empty(), at("2026-12-06T04:30:00Z")))
        .contains(fire("2026-12-06T06:30:00Z"));
    assertThat(
            planner.next(
                everyTwoHours, Optional.of(at("2026-12-06T04:45:00Z")), at("2026-12-01T00:00:00Z")))
        .contains(fire("2026-12-06T06:45:00Z"));
  }

  @Test
  void aPeriodicTriggerSkipsMissedPeriodsAndKeepsItsPhase() {
    PeriodicTrigger weekly = new PeriodicTrigger(1, PeriodicUnit.WEEKS, PauseStatus.UNPAUSED);
    // last fire Monday 2026-11-16 09:00; down until Thursday 2026-12-03
    assertThat(
            plannerAt("2026-12-03T00:00:00Z")
                .next(weekly, Optional.of(at("2026-11-16T09:00:00Z")), at("2026-11-01T00:00:00Z")))
        .contains(
            new PlannedFire(at("2026-12-07T09:00:00Z"), Optional.of(at("2026-11-23T09:00:00Z"))));
    PeriodicTrigger daily = new PeriodicTrigger(1, PeriodicUnit.DAYS, PauseStatus.UNPAUSED);
    assertThat(
            plannerAt("2026-12-06T09:00:00Z")
                .next(daily, Optional.empty(), at("2026-12-04T09:00:00Z")))
        .contains(
            new PlannedFire(at("2026-12-06T09:00:00Z"), Optional.of(at("2026-12-05T09:00:00Z"))));
  }

  @Test
  void aPausedPeriodicTriggerIsNeverPlanned() {
    assertThat(
            plannerAt("2026-12-06T05:00:00Z")
                .next(
                    new PeriodicTrigger(1, PeriodicUnit.HOURS, PauseStatus.PAUSED),
                    Optional.empty(),
                    at("2026-12-06T04:00:00Z")))
        .isEmpty();
  }
}
