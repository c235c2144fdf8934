package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** validate shows a job's schedule in words and as JSON; run runs a scheduled job once. */
class ScheduleCommandsTest {
  static final String DAILY = Path.of("src/test/resources/jobs/valid/bare-job.yml").toString();
  static final String ON_ARRIVAL =
      Path.of("src/test/resources/jobs/valid/trigger-file-arrival.yml").toString();
  static final Clock NOON = Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  /** Runs validate with the clock at {@link #NOON}; what it printed on stdout. */
  private String validateAtNoon(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "validate";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--home";
    all[args.length + 2] = tmp.toString();
    CommandLine cl = AndonCli.commandLine(all);
    ((ValidateCommand) cl.getSubcommands().get("validate").getCommand()).clock = NOON;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute(all)).as(err.toString()).isZero();
    assertThat(err.toString()).doesNotContain("schedule");
    return out.toString();
  }

  @Test
  void validateShowsACronScheduleInWordsWithItsNextFire() {
    assertThat(validateAtNoon(DAILY))
        .isEqualTo(
            DAILY
                + ": job nightly-training is valid (5 tasks)\n"
                + "  schedule: every day at 02:00 (UTC); next fire 2026-12-07 02:00:00 UTC\n");
  }

  @Test
  void validateShowsAPausedTriggerAsNotFiring() {
    assertThat(validateAtNoon(ON_ARRIVAL))
        .endsWith(
            "\n  trigger: when new files under *.yml"
                + " have been quiet for 60 s, at most every 300 s; PAUSED, so it does not fire\n");
  }

  @Test
  void validateJsonCarriesTheScheduleAsTheJobsApiWritesIt() throws Exception {
    JsonNode j = Json.read(validateAtNoon(DAILY, "--json"));
    assertThat(j.path("job").asText()).isEqualTo("nightly-training");
    assertThat(j.path("tasks").asInt()).isEqualTo(5);
    assertThat(j.path("schedule").path("quartz_cron_expression").asText()).isEqualTo("0 0 2 * * ?");
    assertThat(j.path("schedule").path("timezone_id").asText()).isEqualTo("UTC");
    assertThat(j.path("schedule").path("pause_status").asText()).isEqualTo("UNPAUSED");
    assertThat(j.path("trigger_text").asText()).isEqualTo("schedule: every day at 02:00 (UTC)");
    assertThat(j.path("next_fire").asText()).isEqualTo("2026-12-07 02:00:00 UTC");
    JsonNode t = Json.read(validateAtNoon(ON_ARRIVAL, "--json")).path("trigger");
    assertThat(t.path("file_arrival").path("url").asText()).isEqualTo("*.yml");
    assertThat(t.path("file_arrival").path("wait_after_last_change_seconds").asLong())
        .isEqualTo(60);
    assertThat(t.path("pause_status").asText()).isEqualTo("PAUSED");
  }

  @Test
  void runRunsAScheduledJobOnceAndSaysInOneLineThatSchedulesRunUnderServe() {
    Cli c = Cli.run("run", ON_ARRIVAL, "--home", tmp.toString());
    assertThat(c.exit).as(c.toString()).isZero();
    assertThat(c.err.lines().filter(l -> l.contains("andon serve")))
        .containsExactly(
            "notice: "
                + ON_ARRIVAL
                + ": the job's trigger starts runs only under"
                + " andon serve; andon run runs the job once, now.");
    assertThat(c.out).contains("run 1 SUCCESS").doesNotContain("run 2");
    Cli quiet = Cli.run("run", ON_ARRIVAL, "--home", tmp.toString(), "--quiet");
    assertThat(quiet.err).doesNotContain("andon serve");
  }
}
