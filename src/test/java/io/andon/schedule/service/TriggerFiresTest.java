package io.andon.schedule.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.engine.Executor;
import io.andon.engine.RunRequest;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import io.andon.schedule.ContinuousTrigger;
import io.andon.schedule.FileArrivalTrigger;
import io.andon.schedule.PauseStatus;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File-arrival triggers over real files, continuous jobs, and a fire that runs a real job. */
class TriggerFiresTest {
  private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
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

  private ScheduleService service(ManualTime time, RecordingStarter starter) {
    return new ScheduleService(time.clock(), time, new FireStore(store), starter);
  }

  private ScheduledJob arrival(String url, int minSeconds, int waitSeconds, PauseStatus status) {
    return new ScheduledJob(
        "ingest",
        new FileArrivalTrigger(
            url, Duration.ofSeconds(minSeconds), Duration.ofSeconds(waitSeconds), status),
        tmp);
  }

  private static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void newFilesFireOnceTheyHaveBeenQuietForTheWaitAndNoSoonerThanTheMinimumInterval()
      throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("old.csv"), "there before\n");
    ManualTime time = new ManualTime(T0);
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(arrival("in/*.csv", 120, 30, PauseStatus.UNPAUSED)));
      time.advanceTo(t(10));
      Files.writeString(in.resolve("a.csv"), "1\n");
      Files.writeString(in.resolve("notes.txt"), "not a csv\n");
      time.advanceTo(t(30));
      Files.writeString(in.resolve("a.csv"), "1\n2\n"); // still being written
      time.advanceTo(t(60));
      assertThat(starter.started).isEmpty();
      time.advanceTo(t(62));
      assertThat(starter.started)
          .extracting(RecordingStarter.Started::trigger)
          .containsExactly(TriggerInfo.fileArrival(t(61), "in/*.csv"));
      time.advanceTo(t(70));
      Files.writeString(in.resolve("b.csv"), "3\n");
      time.advanceTo(t(180));
      assertThat(starter.started).hasSize(1);
      time.advanceTo(t(200));
      assertThat(starter.times()).containsExactly(t(61), t(181));
      time.advanceTo(t(400));
      assertThat(starter.started).hasSize(2);
    }
  }

  @Test
  void filesThatArriveWhilePausedFireOnceResumedAndAMissingFolderIsReportedUntilItExists()
      throws Exception {
    ManualTime time = new ManualTime(T0);
    RecordingStarter starter = new RecordingStarter(store, true);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(arrival("landing", 0, 5, PauseStatus.UNPAUSED)));
      assertThat(s.problem("ingest"))
          .get()
          .asString()
          .contains(
              "file_arrival url 'landing'", "does not exist; create the folder or fix the url.");
      Path landing = Files.createDirectories(tmp.resolve("landing"));
      time.advanceTo(t(2));
      assertThat(s.problem("ingest")).isEmpty();
      s.pause("ingest");
      Files.writeString(
          Files.createDirectories(landing.resolve("2026/12")).resolve("x.json"), "{}");
      time.advanceTo(t(100));
      assertThat(starter.started).isEmpty();
      s.resume("ingest");
      time.advanceTo(t(110));
      assertThat(starter.times()).containsExactly(t(105));
    }
  }

  @Test
  void aContinuousJobStartsANewRunAsSoonAsTheLastEndsAndNeverTwoWithinTenSeconds() {
    ManualTime time = new ManualTime(T0);
    RecordingStarter starter = new RecordingStarter(store, false);
    ScheduledJob job = new ScheduledJob("stream", new ContinuousTrigger(PauseStatus.UNPAUSED), tmp);
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(job));
      time.advanceTo(t(60));
      assertThat(starter.times()).containsExactly(T0);
      starter.end(starter.started.get(0).runId());
      s.runEnded(starter.started.get(0).runId());
      time.advanceTo(t(60)); // the start handed to the scheduler, at once
      assertThat(starter.times()).containsExactly(T0, t(60));
      time.advanceTo(t(61));
      starter.end(starter.started.get(1).runId()); // ended, and nobody said so: seen at a poll
      time.advanceTo(t(69));
      assertThat(starter.started).hasSize(2);
      time.advanceTo(t(70));
      assertThat(starter.times()).containsExactly(T0, t(60), t(70));
      assertThat(starter.started).allMatch(f -> f.trigger().type() == TriggerType.CONTINUOUS);
      s.pause("stream");
      starter.end(starter.started.get(2).runId());
      time.advanceTo(t(200));
      assertThat(starter.started).hasSize(3);
      s.resume("stream");
      time.advanceTo(t(200));
      assertThat(starter.times()).containsExactly(T0, t(60), t(70), t(200));
    }
    time.advanceTo(t(300));
    try (ScheduleService s = service(time, starter)) {
      s.update(List.of(job)); // its run from before the restart is still going: wait for it
      time.advanceTo(t(400));
      assertThat(starter.started).hasSize(4);
      starter.end(starter.started.get(3).runId());
      time.advanceTo(t(402));
      assertThat(starter.times()).endsWith(t(401));
    }
  }

  @Test
  void aScheduledFireRunsTheRealJobWhichRecordsAndResolvesItsPlannedTime() throws Exception {
    Path out = tmp.resolve("out.txt");
    Path file =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: nightly
        tasks:
          - task_key: t
            shell_task:
              command: echo "{{job.trigger.type}} {{job.trigger.time.iso_datetime}}" > %s
        """
                .formatted(out));
    JobSpec spec = new JobLoader().load(file, Optional.empty());
    ManualTime time = new ManualTime(Instant.parse("2026-12-06T05:59:00Z"));
    Executor executor = new Executor(store, Executor.Options.defaults(), List.of());
    RunStarter starter =
        (name, trigger) -> executor.run(RunRequest.of(spec).triggeredBy(trigger)).runId();
    try (ScheduleService s =
        new ScheduleService(time.clock(), time, new FireStore(store), starter)) {
      s.update(List.of(CronFiresTest.cron("nightly", "0 0 6 * * ?", "UTC", PauseStatus.UNPAUSED)));
      time.advanceTo(Instant.parse("2026-12-06T06:00:00Z"));
    }
    assertThat(Files.readString(out).strip()).isEqualTo("PERIODIC 2026-12-06T06:00");
    RunRecord run = new RunStore(store).list(1, Optional.of("nightly")).get(0);
    assertThat(run.trigger())
        .isEqualTo(TriggerInfo.of(TriggerType.PERIODIC, Instant.parse("2026-12-06T06:00:00Z")));
    assertThat(new FireStore(store).lastRun("nightly")).contains(run.runId());
    String home = tmp.resolve("home").toString();
    assertThat(andon("runs", "show", Long.toString(run.runId()), "--home", home))
        .contains("started by PERIODIC at 2026-12-06T06:00:00Z");
    assertThat(andon("runs", "show", Long.toString(run.runId()), "--home", home, "--json"))
        .contains("\"trigger\" : \"PERIODIC\"", "\"trigger_time\" : \"2026-12-06T06:00:00Z\"");
  }

  private static String andon(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine cl = io.andon.cli.AndonCli.commandLine(args);
    cl.setOut(new java.io.PrintWriter(out, true));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }
}
