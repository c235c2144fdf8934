package io.andon.schedule.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import io.andon.schedule.CronSchedule;
import io.andon.schedule.PauseStatus;
import io.andon.schedule.PeriodicTrigger;
import io.andon.schedule.PeriodicUnit;
import io.andon.schedule.QuartzCron;
import io.andon.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cron schedules and periodic triggers fired by the service, over a manual clock and timers. */
class CronFiresTest {
  @TempDir Path tmp;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.open(tmp.resolve("home"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  static ScheduledJob cron(String name, String expression, String zone, PauseStatus status) {
    return new ScheduledJob(
        name,
        new CronSchedule(QuartzCron.parse(expression, ZoneId.of(zone), name), status),
        Path.of("."));
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  private ScheduleService service(ManualTime time, RecordingStarter starter) {
    return new ScheduleService(time.clock(), time, new FireStore(store), starter);
  }

  @Test
  void aCronFiresAtEachOfItsTimesInItsZoneAndTheRunIsPeriodicAtThePlannedTime() {
    ManualTime time = new ManualTime(at("2026-12-06T04:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("daily", "0 0 6 * * ?", "Europe/Berlin", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-12-06T04:59:59Z"));
      assertThat(starter.started).isEmpty();
      time.advanceTo(at("2026-12-08T12:00:00Z"));
      assertThat(starter.started)
          .extracting(RecordingStarter.Started::trigger)
          .containsExactly(
              TriggerInfo.of(TriggerType.PERIODIC, at("2026-12-06T05:00:00Z")),
              TriggerInfo.of(TriggerType.PERIODIC, at("2026-12-07T05:00:00Z")),
              TriggerInfo.of(TriggerType.PERIODIC, at("2026-12-08T05:00:00Z")));
    }
  }

  @Test
  void lastDayNearestWeekdayAndNthWeekdayFireOnTheDaysQuartzComputes() {
    ManualTime time = new ManualTime(at("2028-01-01T00:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(
          List.of(
              cron("last", "0 0 12 L * ?", "UTC", PauseStatus.UNPAUSED),
              cron("weekday15", "0 0 9 15W * ?", "UTC", PauseStatus.UNPAUSED),
              cron("thirdfriday", "0 0 9 ? * 6#3", "UTC", PauseStatus.UNPAUSED),
              cron("onceayear", "0 0 0 1 3 ? 2028", "UTC", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2028-04-01T00:00:00Z"));
      assertThat(
              starter.started.stream()
                  .filter(f -> f.jobName().equals("last"))
                  .map(f -> f.trigger().time())
                  .toList())
          .containsExactly(
              at("2028-01-31T12:00:00Z"), at("2028-02-29T12:00:00Z"), at("2028-03-31T12:00:00Z"));
      // 15 January 2028 is a Saturday, 15 April a Saturday: the Friday before
      assertThat(
              starter.started.stream()
                  .filter(f -> f.jobName().equals("weekday15"))
                  .map(f -> f.trigger().time())
                  .toList())
          .containsExactly(
              at("2028-01-14T09:00:00Z"), at("2028-02-15T09:00:00Z"), at("2028-03-15T09:00:00Z"));
      assertThat(
              starter.started.stream()
                  .filter(f -> f.jobName().equals("thirdfriday"))
                  .map(f -> f.trigger().time())
                  .toList())
          .containsExactly(
              at("2028-01-21T09:00:00Z"), at("2028-02-18T09:00:00Z"), at("2028-03-17T09:00:00Z"));
      time.advanceTo(at("2031-01-01T00:00:00Z"));
      assertThat(
              starter.started.stream()
                  .filter(f -> f.jobName().equals("onceayear"))
                  .map(f -> f.trigger().time())
                  .toList())
          .containsExactly(at("2028-03-01T00:00:00Z"));
    }
  }

  @Test
  void onASpringForwardDayATimeInTheGapIsSkippedThatDay() {
    ManualTime time = new ManualTime(at("2026-03-27T00:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("night", "0 30 2 * * ?", "Europe/Berlin", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-03-31T00:00:00Z"));
      assertThat(starter.times())
          .containsExactly(
              at("2026-03-27T01:30:00Z"), at("2026-03-28T01:30:00Z"), at("2026-03-30T00:30:00Z"));
    }
  }

  @Test
  void onAFallBackDayARepeatedTimeFiresOnceAtItsSecondOccurrence() {
    ManualTime time = new ManualTime(at("2026-10-24T00:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(
          List.of(
              cron("night", "0 30 2 * * ?", "Europe/Berlin", PauseStatus.UNPAUSED),
              cron("halfhourly", "0 0/30 * * * ?", "Europe/Berlin", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-10-27T00:00:00Z"));
      assertThat(
              starter.started.stream()
                  .filter(f -> f.jobName().equals("night"))
                  .map(f -> f.trigger().time())
                  .toList())
          .containsExactly(
              at("2026-10-24T00:30:00Z"), at("2026-10-25T01:30:00Z"), at("2026-10-26T01:30:00Z"));
      // 25 October lasts 25 hours in Berlin, yet its repeated hour fires once, in standard time:
      // 48 half-hours, none at 02:00 or 02:30 summer time (00:00Z, 00:30Z)
      List<Instant> day =
          starter.started.stream()
              .filter(f -> f.jobName().equals("halfhourly"))
              .map(f -> f.trigger().time())
              .filter(
                  t ->
                      !t.isBefore(at("2026-10-24T22:00:00Z"))
                          && t.isBefore(at("2026-10-25T23:00:00Z")))
              .toList();
      assertThat(day)
          .hasSize(48)
          .doesNotHaveDuplicates()
          .doesNotContain(at("2026-10-25T00:00:00Z"), at("2026-10-25T00:30:00Z"));
    }
  }

  @Test
  void aJobPausedInItsFileIsLoadedButNeverFiresAndResumingSkipsTheMissedTimes() {
    ManualTime time = new ManualTime(at("2026-12-06T04:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.PAUSED)));
      time.advanceTo(at("2026-12-09T12:00:00Z"));
      assertThat(starter.started).isEmpty();
      assertThat(time.pending()).isZero();
      s.resume("daily");
      time.advanceTo(at("2026-12-10T12:00:00Z"));
      assertThat(starter.times()).containsExactly(at("2026-12-10T06:00:00Z"));
      s.pause("daily");
      time.advanceTo(at("2026-12-12T12:00:00Z"));
      assertThat(starter.started).hasSize(1);
    }
  }

  @Test
  void aPauseGivenToTheServiceOutlivesARestartUntilTheJobFileChangesItsPauseStatus() {
    ManualTime time = new ManualTime(at("2026-12-06T04:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      s.pause("daily");
    }
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-12-08T12:00:00Z"));
      assertThat(starter.started).isEmpty();
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.PAUSED)));
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-12-09T12:00:00Z"));
      assertThat(starter.times()).containsExactly(at("2026-12-09T06:00:00Z"));
    }
  }

  @Test
  void firesMissedWhileTheServiceWasDownAreNotCaughtUp() {
    ManualTime time = new ManualTime(at("2026-12-03T04:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    ScheduledJob daily = cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(daily));
      time.advanceTo(at("2026-12-03T07:00:00Z"));
    }
    time.jumpTo(at("2026-12-06T12:00:00Z"));
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(daily));
      time.advanceTo(at("2026-12-07T12:00:00Z"));
    }
    assertThat(starter.times())
        .containsExactly(at("2026-12-03T06:00:00Z"), at("2026-12-07T06:00:00Z"));
  }

  @Test
  void aFireDueWhileTheServiceIsUpRunsEvenWhenItsTimerWakesLate() {
    ManualTime time = new ManualTime(at("2026-12-06T05:59:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      time.jumpTo(at("2026-12-06T06:00:03Z")); // a busy machine: the timer runs 3 s late
      time.advanceTo(at("2026-12-06T06:00:03Z"));
      assertThat(starter.times()).containsExactly(at("2026-12-06T06:00:00Z"));
    }
  }

  @Test
  void aCommittedFireWhoseRunNeverStartedIsStartedOnceWhenTheServiceComesBack() {
    ManualTime time = new ManualTime(at("2026-12-06T06:00:00.500Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    FireStore fires = new FireStore(store);
    TriggerInfo six = TriggerInfo.of(TriggerType.PERIODIC, at("2026-12-06T06:00:00Z"));
    // the service that crashed had committed the 06:00 fire, and died before starting its run
    assertThat(fires.commit("daily", six, at("2026-12-06T06:00:00.001Z"))).isTrue();
    ScheduledJob daily = cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED);
    for (int restart = 0; restart < 2; restart++) {
      try (ScheduleService s = service(time, starter)) {
        s.update(List.of(daily));
        time.advanceTo(at("2026-12-06T12:00:00Z"));
      }
    }
    assertThat(starter.started).extracting(RecordingStarter.Started::trigger).containsExactly(six);
    assertThat(fires.unlinked("daily")).isEmpty();
    assertThat(fires.lastRun("daily")).contains(starter.started.get(0).runId());
  }

  @Test
  void aRunStartedJustBeforeACrashIsLinkedToItsFireAndNotStartedAgain() {
    ManualTime time = new ManualTime(at("2026-12-06T06:00:01Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    FireStore fires = new FireStore(store);
    TriggerInfo six = TriggerInfo.of(TriggerType.PERIODIC, at("2026-12-06T06:00:00Z"));
    fires.commit("daily", six, at("2026-12-06T06:00:00Z"));
    long run = RecordingStarter.insert(store, "daily", six, "TERMINATED");
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-12-07T05:00:00Z"));
    }
    assertThat(starter.started).isEmpty();
    assertThat(fires.lastRun("daily")).contains(run);
  }

  @Test
  void aRunThatDoesNotStartIsReportedAndTheScheduleKeepsFiring() {
    ManualTime time = new ManualTime(at("2026-12-06T04:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    starter.failuresLeft = 1;
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(cron("daily", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-12-06T07:00:00Z"));
      assertThat(s.problem("daily"))
          .get()
          .asString()
          .contains(
              "job daily: the PERIODIC fire of"
                  + " 2026-12-06T06:00:00Z started no run: job file daily.yml no longer validates");
      time.advanceTo(at("2026-12-07T07:00:00Z"));
      assertThat(starter.times()).containsExactly(at("2026-12-07T06:00:00Z"));
      assertThat(s.problem("daily")).isEmpty();
    }
  }

  @Test
  void aChangedScheduleIsReplannedAndARemovedJobStopsFiring() {
    ManualTime time = new ManualTime(at("2026-12-06T04:00:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(
          List.of(
              cron("a", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED),
              cron("b", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      s.update(List.of(cron("a", "0 0 5 * * ?", "UTC", PauseStatus.UNPAUSED)));
      time.advanceTo(at("2026-12-06T12:00:00Z"));
      assertThat(starter.started)
          .extracting(RecordingStarter.Started::jobName, f -> f.trigger().time())
          .containsExactly(org.assertj.core.groups.Tuple.tuple("a", at("2026-12-06T05:00:00Z")));
      assertThat(time.pending()).isEqualTo(1);
    }
    assertThat(time.pending()).isZero();
  }

  @Test
  void aPeriodicTriggerFiresEveryPeriodAfterItWasArmedAndKeepsItsPhaseAcrossARestart() {
    ManualTime time = new ManualTime(at("2026-12-06T04:10:00Z"));
    RecordingStarter starter = new RecordingStarter(store, true);
    ScheduledJob sixHours =
        new ScheduledJob(
            "p", new PeriodicTrigger(6, PeriodicUnit.HOURS, PauseStatus.UNPAUSED), Path.of("."));
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(sixHours));
      time.advanceTo(at("2026-12-06T17:00:00Z"));
    }
    time.jumpTo(at("2026-12-07T01:00:00Z"));
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(sixHours));
      time.advanceTo(at("2026-12-07T11:00:00Z"));
    }
    assertThat(starter.times())
        .containsExactly(
            at("2026-12-06T10:10:00Z"),
            at("2026-12-06T16:10:00Z"),
            at("2026-12-07T04:10:00Z"),
            at("2026-12-07T10:10:00Z"));
  }

  @Test
  void pausingAJobTheServiceDoesNotHaveSaysWhichItHas() {
    ManualTime time = new ManualTime(at("2026-12-06T04:00:00Z"));
    try (ScheduleService s = service(time, new RecordingStarter(store, true))) {
      s.update(List.of(cron("nightly", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      assertThatThrownBy(() -> s.pause("nigthly"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("no job named 'nigthly' with a schedule or trigger is loaded")
          .hasMessageContaining("nightly");
      assertThatThrownBy(
              () ->
                  s.update(
                      List.of(
                          cron("x", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED),
                          cron("x", "0 0 7 * * ?", "UTC", PauseStatus.UNPAUSED))))
          .hasMessageContaining("two jobs are named 'x'");
    }
  }
}
