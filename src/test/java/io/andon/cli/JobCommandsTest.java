package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCommandsTest {
  @TempDir Path tmp;

  Path job(String yaml) throws Exception {
    Path f = tmp.resolve("job.yml");
    Files.writeString(f, yaml);
    return f;
  }

  String home() {
    return tmp.resolve("home").toString();
  }

  @Test
  void validateExitsZeroForAValidJobAndTwoWithEveryProblem() throws Exception {
    Cli ok = Cli.run("validate", "src/test/resources/jobs/valid/bare-job.yml");
    assertThat(ok.exit).as(ok.toString()).isZero();
    assertThat(ok.out).contains("job nightly-training is valid (5 tasks)");
    Cli bad = Cli.run("validate", "src/test/resources/jobs/invalid/unknown-references.yml");
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.err)
        .contains("(6 problems)")
        .contains("unknown-references.yml:10:5:")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void runExitCodesFollowTheJobResult() throws Exception {
    Cli ok =
        Cli.run(
            "run",
            "--home",
            home(),
            job("""
        name: ok
        tasks: [{task_key: a, shell_task: {command: 'true'}}]
        """)
                .toString());
    assertThat(ok.exit).as(ok.toString()).isZero();
    Cli failed =
        Cli.run(
            "run",
            "--home",
            home(),
            job("""
        name: bad
        tasks: [{task_key: a, shell_task: {command: 'exit 2'}}]
        """)
                .toString());
    assertThat(failed.exit).as(failed.toString()).isEqualTo(1);
    Cli handled =
        Cli.run(
            "run",
            "--home",
            home(),
            job("""
        name: handled
        tasks:
          - {task_key: a, shell_task: {command: 'exit 2'}}
          - {task_key: b, depends_on: [{task_key: a}], run_if: ALL_FAILED, shell_task: {command: 'true'}}
        """)
                .toString());
    assertThat(handled.exit).as(handled.toString()).isZero();
    assertThat(handled.out).contains("SUCCESS_WITH_FAILURES");
    Cli invalid = Cli.run("run", "--home", home(), "src/test/resources/jobs/invalid/cycle.yml");
    assertThat(invalid.exit).isEqualTo(2);
    Cli usage =
        Cli.run(
            "run",
            "--home",
            home(),
            "--max-parallel",
            "0",
            "src/test/resources/jobs/valid/bare-job.yml");
    assertThat(usage.exit).isEqualTo(2);
    assertThat(usage.err).contains("--max-parallel must be at least 1");
  }

  @Test
  void runJsonHasTheContractFields() throws Exception {
    Cli c =
        Cli.run(
            "run",
            "--home",
            home(),
            "--json",
            "--param",
            "n=3",
            job("""
        name: shape
        parameters: [{name: n, default: "1"}]
        tasks:
          - task_key: a
            shell_task: {command: 'echo "n=$ANDON_PARAM_N" > "$ANDON_TASK_VALUES"'}
          - task_key: loop
            for_each_task:
              inputs: '["x", "y"]'
              task: {task_key: loop_it, shell_task: {command: 'echo {{input}}'}}
        """)
                .toString());
    assertThat(c.exit).as(c.toString()).isZero();
    JsonNode run = Json.read(c.out);
    for (String f :
        new String[] {
          "run_id", "job_name", "result_state", "start_time", "end_time", "repair_count", "tasks"
        }) {
      assertThat(run.has(f)).as(f).isTrue();
    }
    assertThat(run.get("result_state").asText()).isEqualTo("SUCCESS");
    JsonNode a = run.get("tasks").get(0);
    for (String f :
        new String[] {"task_key", "result_state", "attempts", "start_time", "end_time", "values"}) {
      assertThat(a.has(f)).as(f).isTrue();
    }
    assertThat(a.get("values").get("n").asInt()).isEqualTo(3);
    JsonNode loop = run.get("tasks").get(1);
    assertThat(loop.get("iterations")).hasSize(2);
    assertThat(loop.get("iterations").get(1).get("input").asText()).isEqualTo("y");
    Cli shown = Cli.run("runs", "show", "--home", home(), "--json", run.get("run_id").asText());
    assertThat(Json.read(shown.out)).isEqualTo(run);
  }

  @Test
  void runShowsTheRunExactlyAsRunsShowReadsItBack() throws Exception {
    // run prints the tasks it holds in memory; they must be what it committed
    String yaml =
        """
        name: mirror
        parameters: [{name: p, default: "v"}]
        tasks:
          - task_key: vals
            shell_task: {command: 'printf "{\\"i\\": 3, \\"f\\": 0.5, \\"big\\": 12345678901234, \\"o\\": {\\"k\\": [1, \\"x\\"]}, \\"s\\": \\"h\\u00e9\\"}" > "$ANDON_TASK_VALUES"'}
          - task_key: cond
            depends_on: [{task_key: vals}]
            condition_task: {left: "{{tasks.vals.values.i}}", op: GREATER_THAN, right: "2"}
          - {task_key: yes, depends_on: [{task_key: cond, outcome: "true"}], shell_task: {command: 'echo kv=1 > "$ANDON_TASK_VALUES"'}}
          - {task_key: no, depends_on: [{task_key: cond, outcome: "false"}], shell_task: {command: 'true'}}
          - {task_key: fails, shell_task: {command: 'echo partial=1 > "$ANDON_TASK_VALUES"; exit 3'}}
          - {task_key: after_fail, depends_on: [{task_key: fails}], shell_task: {command: 'true'}}
          - {task_key: off, disabled: true, shell_task: {command: 'true'}}
          - task_key: flaky
            max_retries: 1
            min_retry_interval_millis: 0
            shell_task: {command: 'test -f %s || { touch %s; exit 1; }'}
          - task_key: loop
            for_each_task:
              inputs: '[1, 2, 3]'
              task: {task_key: loop_it, shell_task: {command: 'test {{input}} -ne 2'}}
          - task_key: cleanup
            depends_on: [{task_key: fails}, {task_key: loop}]
            run_if: ALL_DONE
            shell_task: {command: 'echo done'}
        """
            .formatted(tmp.resolve("flag"), tmp.resolve("flag"));
    Path f = job(yaml);
    Cli json = Cli.run("run", "--home", home(), "--json", f.toString());
    assertThat(json.exit).as(json.toString()).isEqualTo(1);
    Cli shownJson = Cli.run("runs", "show", "--home", home(), "--json", "1");
    assertThat(json.out).isEqualTo(shownJson.out);
    JsonNode run = Json.read(json.out);
    assertThat(run.get("tasks")).hasSize(10);
    assertThat(run.get("tasks").get(0).get("values").get("big").asLong())
        .isEqualTo(12345678901234L);
    assertThat(run.get("tasks").get(7).get("attempts").asInt()).isEqualTo(2);

    Files.delete(tmp.resolve("flag"));
    Cli table = Cli.run("run", "--home", home(), f.toString());
    Cli shown = Cli.run("runs", "show", "--home", home(), "2");
    String printed =
        table.out.substring(
            table.out.indexOf("\nrun 2 "), table.out.indexOf("  logs: andon runs logs 2"));
    assertThat(printed)
        .contains("values {\"i\":3")
        .contains("UPSTREAM_FAILED")
        .contains("EXCLUDED")
        .contains("DISABLED");
    assertThat(printed).isEqualTo(shown.out);
  }

  @Test
  void runsListShowAndLogsReadTheHistory() throws Exception {
    Cli.run(
        "run",
        "--home",
        home(),
        job("""
        name: hist
        tasks: [{task_key: hello, shell_task: {command: 'echo hello from the task'}}]
        """)
            .toString());
    Cli list = Cli.run("runs", "list", "--home", home());
    assertThat(list.out).contains("hist").contains("SUCCESS");
    Cli logs = Cli.run("runs", "logs", "--home", home(), "1", "hello");
    assertThat(logs.exit).isZero();
    assertThat(logs.out).contains("hello from the task");
    Cli.run(
        "run",
        "--home",
        home(),
        job("""
        name: quiet
        tasks: [{task_key: hush, shell_task: {command: 'true'}}]
        """)
            .toString());
    Cli quiet = Cli.run("runs", "logs", "--home", home(), "2", "hush");
    assertThat(quiet.exit).isZero();
    assertThat(quiet.out).isEqualTo("==> hush.attempt-1.log <==\n(no output)\n");
    Cli missing = Cli.run("runs", "logs", "--home", home(), "1", "nope");
    assertThat(missing.exit).isEqualTo(2);
    assertThat(missing.err).contains("has no task 'nope'");
    Cli noRun = Cli.run("runs", "show", "--home", home(), "42");
    assertThat(noRun.exit).isEqualTo(2);
    assertThat(noRun.err).contains("there is no run 42");
  }

  @Test
  void repairCommandFinishesAFailedRun() throws Exception {
    Path flag = tmp.resolve("ok");
    Path f =
        job(
            """
        name: fix
        tasks: [{task_key: a, shell_task: {command: 'test -f %s'}}]
        """
                .formatted(flag));
    assertThat(Cli.run("run", "--home", home(), f.toString()).exit).isEqualTo(1);
    Files.createFile(flag);
    Cli both = Cli.run("repair", "--home", home(), "1", "--rerun-all-failed", "--task", "a");
    assertThat(both.exit).isEqualTo(2);
    Cli r = Cli.run("repair", "--home", home(), "1", "--rerun-all-failed", "--json");
    assertThat(r.exit).as(r.toString()).isZero();
    assertThat(Json.read(r.out).get("repair_count").asInt()).isEqualTo(1);
  }

  /** A repair reads a bundle with the target and variable values its run was started with. */
  @Test
  void aBundleRunsWithTargetAndVarsAndItsRepairUsesTheSameValues() throws Exception {
    Path flag = tmp.resolve("ok");
    Path f = tmp.resolve("databricks.yml");
    Files.writeString(
        f,
        """
        bundle: {name: b}
        variables:
          catalog: {default: dev_catalog}
          table: {default: "${var.catalog}.events"}
        targets: {dev: {default: true}, prod: {variables: {catalog: main}}}
        resources:
          jobs:
            load:
              name: load-${bundle.target}
              tasks:
                - task_key: a
                  shell_task: {command: 'echo ${var.table} ${var.mode}; test -f %s'}
        """
            .replace("${var.mode}", "mode=$MODE")
            .formatted(flag));
    Cli first =
        Cli.run(
            "run", "--home", home(), "--target", "prod", "--var", "catalog=given", f.toString());
    assertThat(first.exit).as(first.toString()).isEqualTo(1);
    assertThat(first.out).contains("job load-prod  FAILED  target prod");
    JsonNode shown = Json.read(Cli.run("runs", "show", "--home", home(), "1", "--json").out);
    assertThat(shown.get("bundle").toString())
        .isEqualTo(
            "{\"target\":\"prod\",\"variables\":{\"catalog\":\"given\","
                + "\"table\":\"given.events\"}}");
    assertThat(repairAfterCreating(flag))
        .contains("a.attempt-1.log <==\ngiven.events mode=\n")
        .contains("a.attempt-2.log <==\ngiven.events mode=\n");
    assertThat(Cli.run("validate", "-t", "prod", f.toString()).out)
        .contains("job load-prod is valid (1 tasks, target prod)");
    assertThat(
            AndonCli.commandLine(new String[] {"run"})
                .getSubcommands()
                .get("run")
                .getUsageMessage())
        .contains("-t, --target=NAME")
        .contains("A bundle variable's value, for ${var.NAME}");
    Cli unknown = Cli.run("validate", "--var", "catalg=x", f.toString());
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err)
        .contains("--var catalg: the bundle declares no variable 'catalg'")
        .contains("Did you mean 'catalog'?");
    Cli bare =
        Cli.run(
            "run",
            "--home",
            home(),
            "-t",
            "prod",
            job("""
        name: bare
        tasks: [{task_key: a, shell_task: {command: 'true'}}]
        """)
                .toString());
    assertThat(bare.exit).isEqualTo(2);
    assertThat(bare.err).contains("holds a single job, not a bundle; --target and --var");
  }

  /** The bundle example runs as its comments say, on each target. */
  @Test
  void theBundleExampleRunsOnItsTargets() throws Exception {
    String example = "examples/bundle/databricks.yml";
    Cli dev = Cli.run("run", "--home", home(), example);
    assertThat(dev.exit).as(dev.toString()).isZero();
    assertThat(dev.out).contains("job events-dev  SUCCESS  target dev");
    assertThat(Cli.run("runs", "logs", "--home", home(), "1", "load").out)
        .contains("loading 2000 rows into dev_catalog.events");
    Cli prod = Cli.run("run", "--home", home(), "-t", "prod", "--param", "rows=500", example);
    assertThat(prod.exit).as(prod.toString()).isEqualTo(1);
    assertThat(prod.out).contains("only 500 rows, 1000 needed for main");
    Cli given =
        Cli.run(
            "run",
            "--home",
            home(),
            "-t",
            "prod",
            "--var",
            "min_rows=500",
            "--param",
            "rows=500",
            example);
    assertThat(given.exit).as(given.toString()).isZero();
    assertThat(Cli.run("runs", "logs", "--home", home(), "3", "announce").out)
        .contains("500 new rows in main.events");
    assertThat(dev.out).doesNotContain("announce");
  }

  /** Included files are stored with the run: a repair runs what ran, not today's files. */
  @Test
  void aRepairReadsTheIncludedFilesAsTheRunReadThem() throws Exception {
    Path flag = tmp.resolve("ok");
    Files.createDirectories(tmp.resolve("resources"));
    Path job = tmp.resolve("resources/load.job.yml");
    Files.writeString(
        job,
        """
        resources:
          jobs:
            load:
              name: load
              tasks:
                - task_key: a
                  shell_task: {command: 'echo first $(basename "$PWD"); test -f %s'}
        """
            .formatted(flag));
    Path main = tmp.resolve("databricks.yml");
    Files.writeString(main, "bundle: {name: b}\ninclude: [resources/*.yml]\n");
    Cli first = Cli.run("run", "--home", home(), main.toString());
    assertThat(first.exit).as(first.toString()).isEqualTo(1);
    Files.writeString(job, Files.readString(job).replace("echo first", "echo changed"));
    assertThat(repairAfterCreating(flag))
        .contains("a.attempt-2.log <==\nfirst resources\n")
        .doesNotContain("changed");
  }

  /** Creates the file task a of run 1 waits for, repairs the run and returns a's logs. */
  private String repairAfterCreating(Path flag) throws Exception {
    Files.createFile(flag);
    Cli r = Cli.run("repair", "--home", home(), "1", "--rerun-all-failed");
    assertThat(r.exit).as(r.toString()).isZero();
    return Cli.run("runs", "logs", "--home", home(), "1", "a").out;
  }

  @Test
  void runDeliversTheJobsNotificationsBeforeItExits() throws Exception {
    Files.writeString(
        tmp.resolve("child.yml"),
        """
        name: child
        tasks: [{task_key: c, shell_task: {command: 'true'}}]
        """);
    Cli c =
        Cli.run(
            "run",
            "--home",
            home(),
            job("""
        name: notified
        destinations:
          audit: {type: file, path: notifications.jsonl}
        webhook_notifications:
          on_start: [{id: audit}]
          on_failure: [{id: audit}]
        tasks:
          - {task_key: call, run_job_task: {job_file: child.yml}}
          - {task_key: a, depends_on: [{task_key: call}], shell_task: {command: 'exit 1'}}
        """)
                .toString());
    assertThat(c.exit).as(c.toString()).isEqualTo(1);
    java.util.List<String> lines = Files.readAllLines(tmp.resolve("notifications.jsonl"));
    assertThat(lines).hasSize(2); // the parent's start and failure; the child run notifies nothing
    assertThat(lines.get(1)).contains("notified").contains("FAILED");
    Cli list = Cli.run("notifications", "list", "--home", home());
    assertThat(list.out).contains("DELIVERED");
  }

  @Test
  void badInputGivesOneParagraphAndExitTwoNeverAStackTrace() throws Exception {
    Path empty = tmp.resolve("empty.yml");
    Files.writeString(empty, "");
    Path bin = tmp.resolve("bin.yml");
    Files.write(bin, new byte[] {0x7f, 'E', 'L', 'F', 0, 0});
    Path malformed = tmp.resolve("bad.yml");
    Files.writeString(malformed, "name: x\ntasks: [\n");
    for (String[] args :
        new String[][] {
          {"run", "--home", home(), empty.toString()},
          {"run", "--home", home(), bin.toString()},
          {"run", "--home", home(), malformed.toString()},
          {"run", "--home", home(), tmp.resolve("missing.yml").toString()},
          {"validate", tmp.toString()},
          {"runs", "show", "--home", home(), "notanumber"},
        }) {
      Cli c = Cli.run(args);
      assertThat(c.exit).as(String.join(" ", args) + "\n" + c).isEqualTo(2);
      assertThat(c.err).doesNotContain("\tat ").doesNotContain("Exception:");
    }
  }

  @Test
  void readOnlyHomeIsReportedClearly() throws Exception {
    Path ro = tmp.resolve("ro");
    Files.createDirectory(ro);
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Cli c = Cli.run("runs", "list", "--home", ro.resolve("home").toString());
      // root may write anywhere; then the command simply works
      if (c.exit != 0) {
        assertThat(c.exit).isEqualTo(2);
        assertThat(c.err).contains("--home");
      }
      Path file = tmp.resolve("file-home");
      Files.writeString(file, "x");
      Cli notDir = Cli.run("runs", "list", "--home", file.toString());
      assertThat(notDir.exit).isEqualTo(2);
      assertThat(notDir.err).contains("andon home").doesNotContain("\tat ");
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void notADatabaseIsReportedClearly() throws Exception {
    Path home = tmp.resolve("h");
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("andon.db"), "this is not sqlite, just text long enough".repeat(10));
    Cli c = Cli.run("runs", "list", "--home", home.toString());
    assertThat(c.exit).as(c.toString()).isEqualTo(2);
    assertThat(c.err).contains("not an andon database");
  }
}
