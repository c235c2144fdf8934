package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real andon processes: killed with -9 mid-run, and interrupted with Ctrl-C (SIGINT). */
class CrashAndSignalTest {
  @TempDir Path tmp;

  private Process andon(String... args) throws Exception {
    return andonWith(List.of(), args);
  }

  private Process andonWith(List<String> jvmFlags, String... args) throws Exception {
    // SIGINT at its default: a shell that starts a build in the background (`mvn verify &`) starts
    // it with SIGINT ignored, every child inherits that, and a JVM that starts with SIGINT ignored
    // never sees Ctrl-C, as `nohup` intends.
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "env",
                "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.andon.cli.AndonCli"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(tmp.toFile())
        .redirectOutput(tmp.resolve("andon.out").toFile())
        .redirectError(tmp.resolve("andon.err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static void waitFor(Path p) throws InterruptedException {
    for (int i = 0; i < 400 && !Files.exists(p); i++) {
      Thread.sleep(50);
    }
    assertThat(p).as("file written by the task").exists();
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Test
  void killedAndonLeavesNothingBehindAndRepairFinishesTheJob() throws Exception {
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: crashy
        tasks:
          - task_key: first
            shell_task: {command: 'echo v=7 > "$ANDON_TASK_VALUES"'}
          - task_key: slow
            depends_on: [{task_key: first}]
            shell_task: {command: 'if [ -f resume ]; then echo "resumed {{tasks.first.values.v}}" > resumed; exit 0; fi; echo $$ > slow.pid; echo waiting; sleep 60'}
          - task_key: last
            depends_on: [{task_key: slow}]
            shell_task: {command: 'touch last.done'}
        """);
    String home = tmp.resolve("home").toString();
    Process p = andon("run", "--home", home, "job.yml");
    waitFor(tmp.resolve("slow.pid"));
    Thread.sleep(200);
    long taskPid = Long.parseLong(Files.readString(tmp.resolve("slow.pid")).strip());
    p.destroyForcibly(); // SIGKILL: no clean-up code runs
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(alive(taskPid)).as("task process outlives a killed andon").isTrue();

    Cli shown = Cli.run("runs", "show", "--home", home, "--json", "1");
    JsonNode run = Json.read(shown.out);
    assertThat(run.get("state").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(run.get("result_state").asText()).isEqualTo("FAILED");
    assertThat(run.get("message").asText()).contains("andon repair 1 --rerun-all-failed");
    assertThat(run.get("tasks").get(0).get("result_state").asText()).isEqualTo("SUCCESS");
    assertThat(run.get("tasks").get(1).get("state").asText()).isEqualTo("INTERNAL_ERROR");
    assertThat(run.get("tasks").get(1).get("message").asText()).contains("stopped while");
    for (int i = 0; i < 100 && alive(taskPid); i++) {
      Thread.sleep(50);
    }
    assertThat(alive(taskPid)).as("left-over task process killed by recovery").isFalse();
    Path logs = tmp.resolve("home").resolve("logs").resolve("run-1");
    assertThat(Files.readString(logs.resolve("slow.attempt-1.log"))).isEqualTo("waiting\n");
    try (var names = Files.list(logs)) {
      assertThat(names.map(n -> n.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }

    Files.createFile(tmp.resolve("resume"));
    Cli repaired = Cli.run("repair", "--home", home, "1", "--rerun-all-failed", "--json");
    assertThat(repaired.exit).as(repaired.toString()).isZero();
    JsonNode after = Json.read(repaired.out);
    assertThat(after.get("result_state").asText()).isEqualTo("SUCCESS");
    assertThat(after.get("tasks").get(0).get("attempts").asInt()).isEqualTo(1);
    assertThat(Files.readString(tmp.resolve("resumed")).strip()).isEqualTo("resumed 7");
    assertThat(tmp.resolve("last.done")).exists();
  }

  @Test
  void withoutTheNativeLauncherTasksStillLeadTheirOwnGroupAndTimeoutsKillIt() throws Exception {
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: fallback
        tasks:
          - task_key: who
            shell_task: {command: 'set -- $(cat /proc/$$/stat); echo "$1 $5 $6" > ids.txt; echo ok=1 > "$ANDON_TASK_VALUES"'}
          - task_key: slow
            timeout_seconds: 1
            shell_task: {command: 'sleep 30 & echo $! > child.pid; wait'}
        """);
    Process p =
        andonWith(
            List.of("-Dandon.noNativeSpawn=true"),
            "run",
            "--home",
            tmp.resolve("home").toString(),
            "--json",
            "job.yml");
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    String[] ids = Files.readString(tmp.resolve("ids.txt")).strip().split(" ");
    assertThat(ids[1]).isEqualTo(ids[0]);
    assertThat(ids[2]).isEqualTo(ids[0]);
    JsonNode run = Json.read(Files.readString(tmp.resolve("andon.out")));
    assertThat(run.get("tasks").get(0).get("values").get("ok").asInt()).isEqualTo(1);
    assertThat(run.get("tasks").get(1).get("result_state").asText()).isEqualTo("TIMEDOUT");
    long child = Long.parseLong(Files.readString(tmp.resolve("child.pid")).strip());
    for (int i = 0; i < 100 && alive(child); i++) {
      Thread.sleep(50);
    }
    assertThat(alive(child)).isFalse();
  }

  @Test
  void ctrlCCancelsTheRunKillsTasksAndRunsCleanup() throws Exception {
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: interrupted
        tasks:
          - task_key: long
            shell_task: {command: 'echo $$ > long.pid; sleep 60'}
          - task_key: after
            depends_on: [{task_key: long}]
            shell_task: {command: 'touch after.done'}
          - task_key: cleanup
            depends_on: [{task_key: after}]
            run_if: ALL_DONE
            shell_task: {command: 'touch cleanup.done'}
        """);
    String home = tmp.resolve("home").toString();
    Process p = andon("run", "--home", home, "job.yml");
    waitFor(tmp.resolve("long.pid"));
    long taskPid = Long.parseLong(Files.readString(tmp.resolve("long.pid")).strip());
    new ProcessBuilder("/bin/sh", "-c", "kill -INT " + p.pid()).start().waitFor();
    boolean ended = p.waitFor(30, TimeUnit.SECONDS);
    if (!ended) {
      new ProcessBuilder("jcmd", Long.toString(p.pid()), "Thread.print")
          .redirectOutput(tmp.resolve("threads.txt").toFile())
          .start()
          .waitFor();
    }
    assertThat(ended)
        .as(
            () -> {
              try {
                return Files.readString(tmp.resolve("andon.err"))
                    + (Files.exists(tmp.resolve("threads.txt"))
                        ? Files.readString(tmp.resolve("threads.txt"))
                        : "");
              } catch (java.io.IOException e) {
                return e.toString();
              }
            })
        .isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("andon.err"))).isEqualTo(130);
    assertThat(alive(taskPid)).isFalse();
    assertThat(tmp.resolve("cleanup.done")).exists();
    assertThat(tmp.resolve("after.done")).doesNotExist();
    JsonNode run = Json.read(Cli.run("runs", "show", "--home", home, "--json", "1").out);
    assertThat(run.get("result_state").asText()).isEqualTo("CANCELED");
    assertThat(run.get("tasks").get(0).get("result_state").asText()).isEqualTo("CANCELED");
    assertThat(run.get("tasks").get(1).get("result_state").asText()).isEqualTo("UPSTREAM_CANCELED");
    assertThat(run.get("tasks").get(2).get("result_state").asText()).isEqualTo("SUCCESS");
  }
}
