package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One history found as git finds its folder; repair with the job file as it is now. */
class HistoryCommandsTest {
  @TempDir Path tmp;

  @Test
  void theNearestAndonFolderUpTheTreeWinsThenAndonHomeThenTheDataFolder() throws Exception {
    Path project = tmp.resolve("project");
    Path deep = Files.createDirectories(project.resolve("a/b"));
    Map<String, String> env =
        Map.of("ANDON_HOME", "/env/home", "XDG_DATA_HOME", "/xdg", "HOME", "/users/me");
    assertThat(Home.find(Optional.empty(), deep, env).path()).isEqualTo(Path.of("/env/home"));
    Files.createDirectories(project.resolve(".andon"));
    assertThat(Home.find(Optional.empty(), deep, env).path()).isEqualTo(project.resolve(".andon"));
    assertThat(Home.find(Optional.of(Path.of("/flag")), deep, env).path())
        .isEqualTo(Path.of("/flag"));
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    assertThat(
            Home.find(
                    Optional.empty(),
                    elsewhere,
                    Map.of("XDG_DATA_HOME", "/xdg", "HOME", "/users/me"))
                .path())
        .isEqualTo(Path.of("/xdg/andon"));
    assertThat(Home.find(Optional.empty(), elsewhere, Map.of("HOME", "/users/me")).path())
        .isEqualTo(Path.of("/users/me/.local/share/andon"));
  }

  @Test
  void aRunFromTheCommandLineIsShownAsStartedOneTime() throws Exception {
    Path home = tmp.resolve("home");
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: once
        tasks: [{task_key: t, shell_task: {command: 'echo {{job.trigger.type}}'}}]
        """);
    assertThat(Cli.run("run", "--home", home.toString(), job.toString()).exit).isZero();
    Cli show = Cli.run("runs", "show", "--home", home.toString(), "--json", "1");
    JsonNode run = Json.read(show.out);
    assertThat(run.get("trigger").asText()).isEqualTo("ONE_TIME");
    assertThat(run.get("trigger_time").asText())
        .startsWith(run.get("start_time").asText().substring(0, 10));
    assertThat(run.has("trigger_location")).isFalse();
    assertThat(Cli.run("runs", "logs", "1", "t", "--home", home.toString()).out)
        .contains("ONE_TIME");
  }

  @Test
  void readOnlyCommandsNeverCreateAHomeAndListSaysWhereTheHistoryIs() {
    Path home = tmp.resolve("nothing-here");
    Cli list = Cli.run("runs", "list", "--home", home.toString());
    assertThat(list.exit).as(list.toString()).isZero();
    assertThat(list.out.lines().findFirst().orElseThrow())
        .isEqualTo("history: " + home + " (--home)");
    Cli show = Cli.run("runs", "show", "3", "--home", home.toString());
    assertThat(show.exit).isEqualTo(2);
    assertThat(show.err).contains("no run history at " + home, "andon run FILE");
    Cli logs = Cli.run("runs", "logs", "3", "t", "--home", home.toString());
    assertThat(logs.exit).isEqualTo(2);
    assertThat(home).doesNotExist();
  }

  @Test
  void aReadOnlyHomeStillListsShowsAndPrintsLogs() throws Exception {
    Path home = tmp.resolve("home");
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: ro
        tasks: [{task_key: t, shell_task: {command: 'echo hello from t'}}]
        """);
    assertThat(Cli.run("run", "--home", home.toString(), job.toString()).exit).isZero();
    Path ro = Files.createDirectories(tmp.resolve("ro"));
    Process mount =
        new ProcessBuilder(
                "sh",
                "-c",
                "mount --bind " + home + " " + ro + " && mount -o remount,bind,ro " + ro)
            .redirectErrorStream(true)
            .start();
    String why = new String(mount.getInputStream().readAllBytes());
    assumeTrue(mount.waitFor() == 0, "cannot make a read-only bind mount here: " + why);
    try {
      assertThat(Files.isWritable(ro)).isFalse();
      Cli list = Cli.run("runs", "list", "--home", ro.toString());
      assertThat(list.exit).as(list.toString()).isZero();
      assertThat(list.out).contains("ro", "SUCCESS");
      Cli show = Cli.run("runs", "show", "1", "--home", ro.toString(), "--json");
      assertThat(show.exit).as(show.toString()).isZero();
      Cli logs = Cli.run("runs", "logs", "1", "t", "--home", ro.toString());
      assertThat(logs.exit).as(logs.toString()).isZero();
      assertThat(logs.out).contains("hello from t");
      Cli cancel = Cli.run("runs", "cancel", "1", "--home", ro.toString());
      assertThat(cancel.exit).isEqualTo(2);
    } finally {
      new ProcessBuilder("umount", ro.toString()).start().waitFor();
    }
  }

  @Test
  void logsPrintsOneAttemptOrJsonWithTheOutput() throws Exception {
    Path home = tmp.resolve("home");
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: flaky
        tasks:
          - task_key: t
            max_retries: 1
            shell_task: {command: 'if [ -f once ]; then echo second try; exit 0; fi; touch once; echo first try; exit 1'}
        """);
    Cli run = Cli.run("run", "--home", home.toString(), job.toString());
    assertThat(run.exit).as(run.toString()).isZero();
    Cli two = Cli.run("runs", "logs", "1", "t", "--attempt", "2", "--home", home.toString());
    assertThat(two.out).contains("second try").doesNotContain("first try");
    Cli json = Cli.run("runs", "logs", "1", "t", "--json", "--home", home.toString());
    assertThat(json.exit).as(json.toString()).isZero();
    JsonNode a = Json.read(json.out);
    assertThat(a).hasSize(2);
    assertThat(a.get(0).get("output").asText()).isEqualTo("first try\n");
    assertThat(a.get(0).get("exit_code").asInt()).isEqualTo(1);
    assertThat(a.get(1).get("attempt").asInt()).isEqualTo(2);
    assertThat(a.get(1).get("result_state").asText()).isEqualTo("SUCCESS");
  }

  @Test
  void repairUsesTheJobFileAsItIsNowSaysWhatChangedAndTakesParams() throws Exception {
    Path home = tmp.resolve("home");
    Path job = tmp.resolve("job.yml");
    Files.writeString(
        job,
        """
        name: fixme
        tags: {team: fraud}
        parameters: [{name: n, default: "1"}]
        tasks:
          - {task_key: a, shell_task: {command: 'echo a'}}
          - {task_key: b, depends_on: [{task_key: a}], shell_task: {command: 'exit 3'}}
          - {task_key: old, shell_task: {command: 'true'}}
        """);
    Cli first = Cli.run("run", "--home", home.toString(), job.toString());
    assertThat(first.exit).isEqualTo(1);
    Files.writeString(
        job,
        """
        name: fixme
        tags: {team: fraud}
        parameters: [{name: n, default: "1"}]
        tasks:
          - {task_key: a, shell_task: {command: 'echo a'}}
          - {task_key: b, depends_on: [{task_key: a}], shell_task: {command: 'echo "n=$ANDON_PARAM_N" >> "$ANDON_TASK_VALUES"'}}
          - {task_key: added, shell_task: {command: 'true'}}
        """);
    Cli stored =
        Cli.run(
            "repair", "1", "--rerun-all-failed", "--stored-definition", "--home", home.toString());
    assertThat(stored.exit).as(stored.toString()).isEqualTo(1);
    assertThat(stored.out).doesNotContain("changed since");
    Cli repair =
        Cli.run("repair", "1", "--rerun-all-failed", "--param", "n=7", "--home", home.toString());
    assertThat(repair.exit).as(repair.toString()).isZero();
    assertThat(repair.out)
        .contains("changed since run 1 ran (tasks added: added; removed: old;" + " edited: b)");
    Cli show = Cli.run("runs", "show", "1", "--json", "--home", home.toString());
    JsonNode r = Json.read(show.out);
    assertThat(r.at("/tasks").findValuesAsText("task_key")).contains("added");
    assertThat(r.at("/tags/team").asText()).isEqualTo("fraud");
    assertThat(r.at("/repairs")).hasSize(2);
    assertThat(r.at("/repairs/1/parameters/n").asText()).isEqualTo("7");
    long sum =
        r.at("/first_attempt_duration_ms").asLong()
            + r.at("/repairs/0/duration_ms").asLong()
            + r.at("/repairs/1/duration_ms").asLong();
    assertThat(r.at("/duration_ms").asLong()).isEqualTo(sum);
    Cli text = Cli.run("runs", "show", "1", "--home", home.toString());
    assertThat(text.out)
        .contains("(2 repairs)", "first attempt ", ", repair 1 ", ", repair 2 ", "tags team=fraud");
    Cli list = Cli.run("runs", "list", "--home", home.toString());
    assertThat(list.out).contains("2 repairs");
  }

  @Test
  void aRunsDurationLeavesOutTheTimeBetweenItsAttempts() throws Exception {
    Path home = tmp.resolve("home");
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: gap
        tasks: [{task_key: t, shell_task: {command: 'exit 1'}}]
        """);
    Cli.run("run", "--home", home.toString(), job.toString());
    Thread.sleep(1500);
    Cli.run("repair", "1", "--rerun-all-failed", "--home", home.toString());
    JsonNode r = Json.read(Cli.run("runs", "show", "1", "--json", "--home", home.toString()).out);
    long span =
        java.time.Instant.parse(r.get("end_time").asText()).toEpochMilli()
            - java.time.Instant.parse(r.get("start_time").asText()).toEpochMilli();
    assertThat(span).isGreaterThanOrEqualTo(1500);
    assertThat(r.get("duration_ms").asLong()).isLessThan(span - 1000);
  }
}
