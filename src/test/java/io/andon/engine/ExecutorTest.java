package io.andon.engine;

import static io.andon.engine.JobHarness.result;
import static io.andon.engine.JobHarness.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutorTest {
  @TempDir Path tmp;
  JobHarness h;

  @BeforeEach
  void open() {
    h = new JobHarness(tmp);
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void dependentsRunAfterTheirDependenciesAndSeeTheirValues() throws Exception {
    RunRecord r =
        h.run(
            """
        name: order
        tasks:
          - task_key: a
            shell_task: {command: 'echo a >> order.txt; echo n=41 > "$ANDON_TASK_VALUES"'}
          - task_key: b
            depends_on: [{task_key: a}]
            shell_task: {command: 'echo "b {{tasks.a.values.n}}" >> order.txt'}
        """);
    assertThat(r.resultState()).contains("SUCCESS");
    assertThat(Files.readAllLines(tmp.resolve("order.txt"))).containsExactly("a", "b 41");
    assertThat(task(r, "a").values().get("n").asInt()).isEqualTo(41);
  }

  @Test
  void failedUpstreamMarksAllSuccessChildUpstreamFailedAndJobFailed() {
    RunRecord r =
        h.run(
            """
        name: fail
        tasks:
          - task_key: a
            shell_task: {command: 'exit 4'}
          - task_key: b
            depends_on: [{task_key: a}]
            shell_task: {command: 'true'}
          - task_key: c
            depends_on: [{task_key: b}]
            shell_task: {command: 'true'}
        """);
    assertThat(result(r, "a")).isEqualTo("FAILED");
    assertThat(task(r, "a").message())
        .hasValueSatisfying(m -> assertThat(m).contains("exit code 4"));
    assertThat(result(r, "b")).isEqualTo("UPSTREAM_FAILED");
    assertThat(result(r, "c")).isEqualTo("UPSTREAM_FAILED");
    assertThat(r.resultState()).contains("FAILED");
  }

  @Test
  void handledFailureGivesSuccessWithFailuresAndCleanupRuns() {
    RunRecord r =
        h.run(
            """
        name: handled
        tasks:
          - task_key: a
            shell_task: {command: 'exit 1'}
          - task_key: on_failure
            depends_on: [{task_key: a}]
            run_if: AT_LEAST_ONE_FAILED
            shell_task: {command: 'true'}
          - task_key: on_success
            depends_on: [{task_key: a}]
            run_if: NONE_FAILED
            shell_task: {command: 'true'}
          - task_key: cleanup
            depends_on: [{task_key: on_failure}, {task_key: on_success}]
            run_if: ALL_DONE
            shell_task: {command: 'true'}
        """);
    assertThat(result(r, "on_failure")).isEqualTo("SUCCESS");
    assertThat(result(r, "on_success")).isEqualTo("UPSTREAM_FAILED");
    assertThat(result(r, "cleanup")).isEqualTo("SUCCESS");
    assertThat(r.resultState()).contains("SUCCESS_WITH_FAILURES");
  }

  @Test
  void valuesOfAFailedTaskStayReadableByItsAllDoneHandler() throws Exception {
    RunRecord r =
        h.run(
            """
        name: failed-values
        tasks:
          - task_key: check
            shell_task: {command: 'echo verdict=blocked > "$ANDON_TASK_VALUES"; exit 1'}
          - task_key: report
            depends_on: [{task_key: check}]
            run_if: ALL_DONE
            shell_task: {command: 'echo "{{tasks.check.values.verdict}}" > report.txt'}
        """);
    assertThat(result(r, "check")).isEqualTo("FAILED");
    assertThat(task(r, "check").values().get("verdict").asText()).isEqualTo("blocked");
    assertThat(Files.readString(tmp.resolve("report.txt")).strip()).isEqualTo("blocked");
  }

  @Test
  void conditionPicksABranchAndTheOtherIsExcluded() throws Exception {
    String job =
        """
        name: branch
        parameters: [{name: accuracy, default: "0.97"}]
        tasks:
          - task_key: check
            condition_task: {left: "{{job.parameters.accuracy}}", op: GREATER_THAN_OR_EQUAL, right: "0.95"}
          - task_key: deploy
            depends_on: [{task_key: check, outcome: "true"}]
            shell_task: {command: 'echo deployed >> deploys.txt'}
          - task_key: alert
            depends_on: [{task_key: check, outcome: "false"}]
            shell_task: {command: 'true'}
          - task_key: after_deploy
            depends_on: [{task_key: deploy}]
            shell_task: {command: 'true'}
        """;
    RunRecord good = h.run(job);
    assertThat(task(good, "check").outcome()).contains("true");
    assertThat(result(good, "deploy")).isEqualTo("SUCCESS");
    assertThat(result(good, "alert")).isEqualTo("EXCLUDED");
    assertThat(good.resultState()).contains("SUCCESS");
    assertThat(task(good, "deploy").attempts()).isEqualTo(1);
    assertThat(Files.readAllLines(tmp.resolve("deploys.txt"))).containsExactly("deployed");
    RunRecord bad = h.run(job, Map.of("accuracy", "0.5"));
    assertThat(result(bad, "deploy")).isEqualTo("EXCLUDED");
    assertThat(result(bad, "after_deploy")).isEqualTo("EXCLUDED");
    assertThat(result(bad, "alert")).isEqualTo("SUCCESS");
  }

  @Test
  void conditionComparesStringsForEqualityAndNumbersForOrder() {
    RunRecord r =
        h.run(
            """
        name: cmp
        tasks:
          - task_key: eq
            condition_task: {left: "12.0", op: EQUAL_TO, right: "12"}
          - task_key: gt
            condition_task: {left: "12.0", op: GREATER_THAN, right: "9"}
          - task_key: nan
            condition_task: {left: "abc", op: GREATER_THAN, right: "9"}
        """);
    assertThat(task(r, "eq").outcome()).contains("false");
    assertThat(task(r, "gt").outcome()).contains("true");
    assertThat(result(r, "nan")).isEqualTo("FAILED");
    assertThat(task(r, "nan").message())
        .hasValueSatisfying(m -> assertThat(m).contains("not a number"));
  }

  @Test
  void retriesUntilSuccessWaitingTheMinimumInterval() throws Exception {
    ManualTimers timers = new ManualTimers();
    CompletableFuture<Executor.Outcome> run =
        runOn(
            timers,
            """
        name: retry
        tasks:
          - task_key: flaky
            max_retries: 3
            min_retry_interval_millis: 300
            shell_task: {command: 'echo attempt $ANDON_ATTEMPT; test $ANDON_ATTEMPT -ge 3'}
        """);
    for (int retry = 1; retry <= 2; retry++) {
      assertThat(timers.awaitPending(1)).containsExactly(300L);
      timers.advance(299);
      assertThat(timers.awaitPending(1)).containsExactly(1L); // not a millisecond early
      timers.advance(1);
    }
    RunRecord r = h.stored(run.get(30, TimeUnit.SECONDS).runId());
    assertThat(result(r, "flaky")).isEqualTo("SUCCESS");
    assertThat(task(r, "flaky").attempts()).isEqualTo(3);
    List<Long> starts =
        new io.andon.store.RunHistory(h.store)
            .attempts(r.runId(), "flaky").stream()
                .map(io.andon.store.AttemptRecord::startTime)
                .toList();
    assertThat(starts).hasSize(3);
    assertThat(starts.get(1) - starts.get(0)).isEqualTo(300);
    assertThat(starts.get(2) - starts.get(1)).isEqualTo(300);
  }

  /**
   * Starts {@code yaml} on a thread of its own, with {@code timers} for its retries and timeouts.
   */
  private CompletableFuture<Executor.Outcome> runOn(ManualTimers timers, String yaml) {
    JobSpec job = h.load(yaml);
    Executor ex =
        new Executor(
            h.store, Executor.Options.defaults().withMaxParallel(4).withTimers(timers), List.of());
    return CompletableFuture.supplyAsync(() -> ex.run(RunRequest.of(job)));
  }

  @Test
  void retriesStopAtMaxRetries() {
    RunRecord r =
        h.run(
            """
        name: retry
        tasks:
          - task_key: never
            max_retries: 2
            shell_task: {command: 'exit 1'}
        """);
    assertThat(result(r, "never")).isEqualTo("FAILED");
    assertThat(task(r, "never").attempts()).isEqualTo(3);
  }

  @Test
  void timeoutKillsTheWholeProcessGroupAndIsNotRetriedByDefault() throws Exception {
    Path marker = tmp.resolve("grandchild.pid");
    ManualTimers timers = new ManualTimers();
    CompletableFuture<Executor.Outcome> run =
        runOn(
            timers,
            """
        name: slow
        tasks:
          - task_key: slow
            timeout_seconds: 1
            max_retries: 2
            shell_task: {command: 'sleep 30 & echo $! > %s.tmp; mv %s.tmp %s; wait'}
        """
                .formatted(marker, marker, marker));
    assertThat(timers.awaitPending(1)).containsExactly(1000L);
    waitForFile(marker);
    timers.advance(1000);
    RunRecord r = h.stored(run.get(30, TimeUnit.SECONDS).runId());
    assertThat(result(r, "slow")).isEqualTo("TIMEDOUT");
    assertThat(task(r, "slow").attempts()).isEqualTo(1);
    long pid = Long.parseLong(Files.readString(marker).strip());
    waitUntilDead(pid);
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void retryOnTimeoutRetriesATimedOutTask() throws Exception {
    ManualTimers timers = new ManualTimers();
    CompletableFuture<Executor.Outcome> run =
        runOn(
            timers,
            """
        name: slow
        tasks:
          - task_key: slow
            timeout_seconds: 1
            max_retries: 1
            retry_on_timeout: true
            shell_task: {command: 'if [ "$ANDON_ATTEMPT" = 1 ]; then sleep 30; fi'}
        """);
    assertThat(timers.awaitPending(1)).containsExactly(1000L);
    timers.advance(1000); // the first attempt times out; the retry is due at once
    timers.awaitPending(1);
    timers.advance(0);
    RunRecord r = h.stored(run.get(30, TimeUnit.SECONDS).runId());
    assertThat(result(r, "slow")).isEqualTo("SUCCESS");
    assertThat(task(r, "slow").attempts()).isEqualTo(2);
  }

  @Test
  void cancelKillsRunningTasksMarksDownstreamAndStillRunsAllDoneCleanup() throws Exception {
    JobSpec job =
        h.load(
            """
        name: cancel
        tasks:
          - task_key: long
            shell_task: {command: 'touch started; sleep 30'}
          - task_key: next
            depends_on: [{task_key: long}]
            shell_task: {command: 'true'}
          - task_key: cleanup
            depends_on: [{task_key: next}]
            run_if: ALL_DONE
            shell_task: {command: 'touch cleaned'}
        """);
    RunRecord r = cancelOnceStarted(job, 2);
    assertThat(r.resultState()).contains("CANCELED");
    assertThat(result(r, "long")).isEqualTo("CANCELED");
    assertThat(result(r, "next")).isEqualTo("UPSTREAM_CANCELED");
    assertThat(result(r, "cleanup")).isEqualTo("SUCCESS");
    assertThat(tmp.resolve("cleaned")).exists();
  }

  @Test
  void jobTimeoutEndsTheRunTimedOut() throws Exception {
    ManualTimers timers = new ManualTimers();
    CompletableFuture<Executor.Outcome> run =
        runOn(
            timers,
            """
        name: jt
        timeout_seconds: 1
        tasks:
          - task_key: long
            shell_task: {command: 'touch long.started; sleep 30'}
        """);
    assertThat(timers.awaitPending(1)).containsExactly(1000L);
    waitForFile(tmp.resolve("long.started"));
    timers.advance(1000);
    RunRecord r = h.stored(run.get(30, TimeUnit.SECONDS).runId());
    assertThat(r.resultState()).contains("TIMEDOUT");
    assertThat(result(r, "long")).isEqualTo("TIMEDOUT");
  }

  @Test
  void parallelismIsBoundedByMaxParallel() throws Exception {
    StringBuilder yaml = new StringBuilder("name: par\ntasks:\n");
    for (int i = 0; i < 6; i++) {
      yaml.append("  - task_key: t")
          .append(i)
          .append("\n    shell_task: {command: '")
          .append("mkdir lock.$ANDON_TASK_KEY; n=$(ls -d lock.* | wc -l); echo $n >> peaks;")
          .append(" sleep 0.2; rmdir lock.$ANDON_TASK_KEY'}\n");
    }
    JobSpec job = h.load(yaml.toString());
    Executor.Outcome o = h.executor(2).run(RunRequest.of(job));
    assertThat(o.result().name()).isEqualTo("SUCCESS");
    List<Integer> peaks =
        Files.readAllLines(tmp.resolve("peaks")).stream()
            .map(s -> Integer.parseInt(s.strip()))
            .toList();
    assertThat(peaks).hasSize(6).allMatch(n -> n <= 2);
    assertThat(peaks).contains(2);
  }

  @Test
  void forEachRunsEachInputAndRecordsIterations() {
    RunRecord r =
        h.run(
            """
        name: fe
        tasks:
          - task_key: list
            shell_task: {command: 'echo ''items=[{"name": "a"}, {"name": "b"}, {"name": "c"}]'' > "$ANDON_TASK_VALUES"'}
          - task_key: each
            depends_on: [{task_key: list}]
            for_each_task:
              inputs: "{{tasks.list.values.items}}"
              concurrency: 2
              task:
                task_key: each_item
                shell_task: {command: 'echo "{{input.name}}" >> items.txt; test "{{input.name}}" != c'}
        """);
    assertThat(result(r, "each")).isEqualTo("FAILED");
    var its = task(r, "each").iterations();
    assertThat(its).hasSize(3);
    assertThat(its.get(0).resultState()).contains("SUCCESS");
    assertThat(its.get(2).resultState()).contains("FAILED");
    assertThat(its.get(1).input()).contains("{\"name\":\"b\"}");
  }

  @Test
  void disabledTaskNeverRunsAndCountsAsSuccessDownstream() {
    RunRecord r =
        h.run(
            """
        name: dis
        tasks:
          - task_key: off
            disabled: true
            shell_task: {command: 'exit 1'}
          - task_key: after
            depends_on: [{task_key: off}]
            shell_task: {command: 'true'}
          - task_key: other
            shell_task: {command: 'true'}
          - task_key: join
            depends_on: [{task_key: off}, {task_key: other}]
            shell_task: {command: 'true'}
        """);
    assertThat(result(r, "off")).isEqualTo("DISABLED");
    assertThat(result(r, "after")).isEqualTo("EXCLUDED");
    assertThat(result(r, "join")).isEqualTo("SUCCESS");
    assertThat(r.resultState()).contains("SUCCESS");
  }

  @Test
  void runJobTaskRunsTheChildJobAsItsOwnRun() {
    h.write(
        "child.yml",
        """
        name: child
        parameters: [{name: who, default: nobody}]
        tasks:
          - task_key: hello
            shell_task: {command: 'echo "hello $ANDON_PARAM_WHO" > child.txt'}
        """);
    RunRecord r =
        h.run(
            """
        name: parent
        tasks:
          - task_key: call
            run_job_task: {job_file: child.yml, job_parameters: {who: parent}}
        """);
    assertThat(result(r, "call")).isEqualTo("SUCCESS");
    long child = task(r, "call").values().get("run_id").asLong();
    assertThat(h.stored(child).parentRunId()).contains(r.runId());
    assertThat(h.stored(child).resultState()).contains("SUCCESS");
  }

  @Test
  void jobParametersReachShellTasksAsEnvironmentVariables() throws Exception {
    h.run(
        """
        name: env
        parameters: [{name: model-name, default: fraud}]
        tasks:
          - task_key: show
            shell_task:
              command: 'echo "$ANDON_PARAM_MODEL_NAME $EXTRA" > env.txt'
              env: {EXTRA: "run {{job.run_id}}"}
        """,
        Map.of("model-name", "churn"));
    assertThat(Files.readString(tmp.resolve("env.txt"))).startsWith("churn run ");
  }

  @Test
  void oversizedOrMalformedTaskValuesFailTheTask() {
    RunRecord r =
        h.run(
            """
        name: values
        tasks:
          - task_key: big
            shell_task: {command: 'head -c 60000 /dev/zero | tr "\\\\0" a | sed "s/^/x=/" > "$ANDON_TASK_VALUES"'}
          - task_key: bad
            shell_task: {command: 'echo "{not json" > "$ANDON_TASK_VALUES"'}
        """);
    assertThat(result(r, "big")).isEqualTo("FAILED");
    assertThat(task(r, "big").message()).hasValueSatisfying(m -> assertThat(m).contains("48 KiB"));
    assertThat(result(r, "bad")).isEqualTo("FAILED");
  }

  @Test
  void missingTaskValueFailsTheReadingTaskWithAClearMessage() {
    RunRecord r =
        h.run(
            """
        name: missing
        tasks:
          - task_key: a
            shell_task: {command: 'true'}
          - task_key: b
            depends_on: [{task_key: a}]
            shell_task: {command: 'echo {{tasks.a.values.nope}}'}
        """);
    assertThat(result(r, "b")).isEqualTo("FAILED");
    assertThat(task(r, "b").message())
        .hasValueSatisfying(m -> assertThat(m).contains("published no value 'nope'"));
  }

  @Test
  void maxConcurrentRunsZeroSkipsTheRun() {
    RunRecord r =
        h.run(
            """
        name: paused
        max_concurrent_runs: 0
        tasks:
          - task_key: a
            shell_task: {command: 'true'}
        """);
    assertThat(r.state()).isEqualTo("SKIPPED");
    assertThat(r.resultState()).contains("MAXIMUM_CONCURRENT_RUNS_REACHED");
  }

  @Test
  void repairRerunsFailedTasksInsideTheSameRun() throws Exception {
    Path flag = tmp.resolve("fixed");
    String yaml =
        """
        name: repairable
        tasks:
          - task_key: a
            shell_task: {command: 'echo v=1 > "$ANDON_TASK_VALUES"'}
          - task_key: b
            depends_on: [{task_key: a}]
            shell_task: {command: 'test -f %s && echo "got {{tasks.a.values.v}} repair {{job.repair_count}}" > b.txt'}
          - task_key: c
            depends_on: [{task_key: b}]
            shell_task: {command: 'true'}
        """
            .formatted(flag);
    RunRecord first = h.run(yaml);
    assertThat(first.resultState()).contains("FAILED");
    Files.createFile(flag);
    Executor.Outcome o =
        h.executor(2)
            .repair(
                first.runId(), new Executor.RepairRequest(List.of(), true, false), new JobLoader());
    RunRecord r = h.stored(first.runId());
    assertThat(o.runId()).isEqualTo(first.runId());
    assertThat(r.resultState()).contains("SUCCESS");
    assertThat(r.repairCount()).isEqualTo(1);
    assertThat(task(r, "a").attempts()).isEqualTo(1);
    assertThat(task(r, "b").attempts()).isEqualTo(2);
    assertThat(Files.readString(tmp.resolve("b.txt")).strip()).isEqualTo("got 1 repair 1");
  }

  @Test
  void repairOfNamedTaskWithDependentsRerunsSucceededDownstream() {
    RunRecord first =
        h.run(
            """
        name: rerun
        tasks:
          - task_key: a
            shell_task: {command: 'true'}
          - task_key: b
            depends_on: [{task_key: a}]
            shell_task: {command: 'true'}
          - task_key: c
            shell_task: {command: 'true'}
        """);
    h.executor(2)
        .repair(
            first.runId(), new Executor.RepairRequest(List.of("a"), false, true), new JobLoader());
    RunRecord r = h.stored(first.runId());
    assertThat(task(r, "a").attempts()).isEqualTo(2);
    assertThat(task(r, "b").attempts()).isEqualTo(2);
    assertThat(task(r, "c").attempts()).isEqualTo(1);
  }

  @Test
  void repairRefusesUnknownTasksAndRunsWithNothingToRepair() {
    RunRecord ok =
        h.run(
            """
        name: fine
        tasks:
          - task_key: a
            shell_task: {command: 'true'}
        """);
    Executor ex = h.executor(1);
    assertThatThrownBy(
            () ->
                ex.repair(
                    ok.runId(),
                    new Executor.RepairRequest(List.of(), true, false),
                    new JobLoader()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no failed task");
    assertThatThrownBy(
            () ->
                ex.repair(
                    ok.runId(),
                    new Executor.RepairRequest(List.of("b"), false, false),
                    new JobLoader()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no task 'b'");
    assertThatThrownBy(
            () ->
                ex.repair(
                    999, new Executor.RepairRequest(List.of("a"), false, false), new JobLoader()))
        .hasMessageContaining("no run 999");
  }

  @Test
  void unknownParameterOverrideIsRejected() {
    JobSpec job =
        h.load(
            """
        name: p
        parameters: [{name: alpha, default: "1"}]
        tasks:
          - task_key: a
            shell_task: {command: 'true'}
        """);
    assertThatThrownBy(() -> h.executor(1).run(RunRequest.of(job, Map.of("alpa", "2"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Did you mean 'alpha'");
  }

  @Test
  void everyAttemptKeepsItsLog() throws Exception {
    RunRecord r =
        h.run(
            """
        name: logs
        tasks:
          - task_key: t
            max_retries: 1
            shell_task: {command: 'echo out-$ANDON_ATTEMPT; echo err-$ANDON_ATTEMPT >&2; test $ANDON_ATTEMPT = 2'}
        """);
    List<String> logs = new io.andon.store.RunStore(h.store).attemptLogs(r.runId(), "t");
    assertThat(logs).hasSize(2);
    assertThat(Files.readString(Path.of(logs.get(0)))).contains("out-1", "err-1");
    assertThat(Files.readString(Path.of(logs.get(1)))).contains("out-2", "err-2");
  }

  @Test
  void aRunOfManyTasksIsStoredRowByRowAndInBulk() {
    StringBuilder yaml = new StringBuilder("name: many\ntasks:\n");
    for (int i = 0; i < 150; i++) {
      yaml.append("  - task_key: c").append(i).append('\n');
      if (i > 0) {
        yaml.append("    depends_on: [{task_key: c").append(i - 1).append("}]\n");
      }
      yaml.append("    condition_task: {left: \"")
          .append(i)
          .append("\", op: LESS_THAN, right: \"75\"}\n");
    }
    RunRecord r = h.run(yaml.toString());
    assertThat(r.tasks()).hasSize(150);
    assertThat(r.tasks())
        .allSatisfy(
            t -> {
              assertThat(t.resultState()).contains("SUCCESS");
              assertThat(t.attempts()).isEqualTo(1);
            });
    assertThat(task(r, "c74").outcome()).contains("true");
    assertThat(task(r, "c75").outcome()).contains("false");
    assertThat(task(r, "c149").outcome()).contains("false");
  }

  @Test
  void taskShellLeadsItsOwnSessionAndProcessGroup() throws Exception {
    h.run(
        """
        name: session
        tasks:
          - task_key: who
            shell_task: {command: 'set -- $(cat /proc/$$/stat); echo "$1 $5 $6" > ids.txt'}
        """);
    String[] ids = Files.readString(tmp.resolve("ids.txt")).strip().split(" ");
    assertThat(ids[1]).as("process group").isEqualTo(ids[0]);
    assertThat(ids[2]).as("session").isEqualTo(ids[0]);
  }

  @Test
  void theNativeLauncherIsBuiltWhereACompilerExists() {
    boolean gcc =
        java.util.stream.Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "gcc")));
    org.junit.jupiter.api.Assumptions.assumeTrue(gcc, "no gcc on this machine");
    assertThat(NativeSpawn.available()).isTrue();
  }

  @Test
  void theSchedulingThreadWaitsForItsOwnChildrenWhereTheKernelHasPidfds() {
    org.junit.jupiter.api.Assumptions.assumeTrue(NativeSpawn.available(), "no native launcher");
    try (NativeSpawn.Reaper r = NativeSpawn.reaper().orElseThrow()) {
      r.wake();
      assertThat(r.await(1000)).as("a wake-up, no child").isEmpty();
    }
  }

  /**
   * The same job through every way of running shell tasks with the native launcher: started and
   * reaped by the launching thread; started there but awaited on a thread of its own (a child it
   * cannot watch); or started and awaited by a worker thread (no reaper).
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "switched off: {0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"nothing", "andon.noWatch", "andon.noReaper"})
  void shellTasksEndTheSameWhicheverThreadWaitsForThem(String off) throws Exception {
    RunRecord r =
        runWith(
            off,
            """
          name: paths
          tasks:
            - task_key: ok
              shell_task: {command: 'echo hello; echo n=7 > "$ANDON_TASK_VALUES"'}
            - task_key: bad
              shell_task: {command: 'echo partial=1 > "$ANDON_TASK_VALUES"; echo boom >&2; exit 3'}
            - task_key: slow
              timeout_seconds: 1
              shell_task: {command: 'sleep 30'}
            - task_key: flaky
              max_retries: 2
              shell_task: {command: 'n=$(cat count 2>/dev/null || echo 0); echo $((n+1)) > count; [ $n -ge 1 ]'}
            - task_key: gone
              shell_task: {command: 'true', working_dir: no-such-folder}
            - task_key: after
              depends_on: [{task_key: ok}]
              shell_task: {command: 'test "{{tasks.ok.values.n}}" = 7'}
          """);
    assertThat(result(r, "ok")).isEqualTo("SUCCESS");
    assertThat(task(r, "ok").values().get("n").asInt()).isEqualTo(7);
    assertThat(result(r, "bad")).isEqualTo("FAILED");
    assertThat(task(r, "bad").message()).contains("exit code 3: boom");
    assertThat(task(r, "bad").values().get("partial").asInt()).isEqualTo(1);
    assertThat(result(r, "slow")).isEqualTo("TIMEDOUT");
    assertThat(result(r, "flaky")).isEqualTo("SUCCESS");
    assertThat(task(r, "flaky").attempts()).isEqualTo(2);
    assertThat(result(r, "gone")).isEqualTo("FAILED");
    assertThat(task(r, "gone").message().orElse("")).endsWith("no-such-folder does not exist");
    assertThat(result(r, "after")).isEqualTo("SUCCESS");
    assertThat(
            Files.readString(
                Path.of(
                    h.store
                        .home()
                        .resolve("logs")
                        .resolve("run-" + r.runId())
                        .resolve("ok.attempt-1.log")
                        .toString())))
        .isEqualTo("hello\n");
  }

  /**
   * Each attempt's output is in its own log, with or without the launching thread's spool files: an
   * attempt that prints nothing leaves no file when the launching thread starts it (on a worker
   * thread, an empty one), and what a process left behind by a task prints after the task ended
   * still goes to that task's log, never to the next attempt's.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "switched off: {0}")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"nothing", "andon.noWatch", "andon.noReaper"})
  void eachAttemptsOutputIsInItsOwnLogAndAQuietAttemptLeavesNone(String off) throws Exception {
    RunRecord r =
        runWith(
            off,
            """
          name: logs
          tasks:
            - task_key: quiet
              shell_task: {command: 'true'}
            - task_key: loud
              depends_on: [{task_key: quiet}]
              shell_task: {command: 'echo out; echo err >&2'}
            - task_key: leaves
              depends_on: [{task_key: loud}]
              shell_task: {command: '(sleep 0.5; echo late) &', keep_background_processes: true}
            - task_key: next
              depends_on: [{task_key: leaves}]
              shell_task: {command: 'sleep 1'}
            - task_key: fails
              depends_on: [{task_key: next}]
              max_retries: 1
              shell_task: {command: 'exit 3'}
          """);
    assertThat(result(r, "fails")).isEqualTo("FAILED");
    assertThat(task(r, "fails").attempts()).isEqualTo(2);
    Path dir = h.store.home().resolve("logs").resolve("run-" + r.runId());
    assertThat(Files.readString(dir.resolve("loud.attempt-1.log"))).isEqualTo("out\nerr\n");
    assertThat(Files.readString(dir.resolve("leaves.attempt-1.log"))).isEqualTo("late\n");
    for (String quiet :
        List.of(
            "quiet.attempt-1.log",
            "next.attempt-1.log",
            "fails.attempt-1.log",
            "fails.attempt-2.log")) {
      if (off.equals("andon.noReaper")) {
        assertThat(dir.resolve(quiet)).isEmptyFile();
      } else {
        assertThat(dir.resolve(quiet)).doesNotExist();
      }
    }
    try (var names = Files.list(dir)) {
      assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
    }
  }

  @Test
  void aRunningAttemptsLogHoldsWhatItPrintedSoFar() throws Exception {
    Path log = h.store.home().resolve("logs").resolve("run-1").resolve("t.attempt-1.log");
    java.util.concurrent.CompletableFuture<RunRecord> run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                h.run(
                    """
            name: live
            tasks:
              - task_key: t
                shell_task: {command: 'echo started; sleep 2; echo done'}
            """));
    long deadline = System.nanoTime() + 10_000_000_000L;
    String seen = "";
    while (!seen.contains("started") && System.nanoTime() < deadline && !run.isDone()) {
      Thread.sleep(20);
      seen = Files.exists(log) ? Files.readString(log) : "";
    }
    assertThat(seen).isEqualTo("started\n");
    assertThat(run.get().runId()).isEqualTo(1);
    assertThat(Files.readString(log)).isEqualTo("started\ndone\n");
  }

  /** Runs {@code yaml} with the system property {@code off} set to true for the run. */
  private RunRecord runWith(String off, String yaml) {
    String old = System.getProperty(off);
    System.setProperty(off, "true");
    try {
      return h.run(yaml);
    } finally {
      if (old == null) {
        System.clearProperty(off);
      } else {
        System.setProperty(off, old);
      }
    }
  }

  @Test
  void aTaskSeesEachVariableOnceAndItsOwnEnvWins() throws Exception {
    h.run(
        """
        name: env
        parameters: [{name: who, default: me}]
        tasks:
          - task_key: t
            shell_task:
              command: 'env > env.txt'
              env: {ANDON_JOB_NAME: mine, EXTRA: '{{job.parameters.who}}'}
        """);
    List<String> lines = Files.readAllLines(tmp.resolve("env.txt"));
    assertThat(lines)
        .filteredOn(l -> l.startsWith("ANDON_JOB_NAME="))
        .containsExactly("ANDON_JOB_NAME=mine");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("ANDON_TASK_KEY="))
        .containsExactly("ANDON_TASK_KEY=t");
    assertThat(lines).contains("EXTRA=me", "ANDON_PARAM_WHO=me", "ANDON_ATTEMPT=1");
    assertThat(lines).filteredOn(l -> l.startsWith("PATH=")).hasSize(1);
  }

  @Test
  void processStartTimesAgreeWithTheJdk() {
    ProcessHandle me = ProcessHandle.current();
    long jdk = me.info().startInstant().orElseThrow().toEpochMilli();
    assertThat(Processes.startMillis(me.pid()))
        .hasValueSatisfying(s -> assertThat(Math.abs(s - jdk)).isLessThan(1000));
    assertThat(Processes.startMillis(Integer.MAX_VALUE)).isEmpty();
  }

  /**
   * With one slot, the launcher starts each shell task on stand-by in the slot of the one that just
   * ended: never two at once, and each attempt recorded from its own start to its own end.
   */
  @Test
  void aSlotTakenOverByAStandByTaskIsNeverShared() throws Exception {
    StringBuilder yaml = new StringBuilder("name: one-slot\ntasks:\n");
    for (int i = 0; i < 12; i++) {
      yaml.append("  - task_key: t")
          .append(i)
          .append("\n    shell_task: {command: '")
          .append(
              "mkdir slot || exit 9; sleep 0.02; echo $ANDON_TASK_KEY >> order; rmdir slot'}\n");
    }
    Executor.Outcome o = h.executor(1).run(RunRequest.of(h.load(yaml.toString())));
    RunRecord r = h.stored(o.runId());
    assertThat(r.resultState()).contains("SUCCESS");
    assertThat(Files.readAllLines(tmp.resolve("order"))).hasSize(12);
    List<long[]> spans =
        h.store.read(
            c -> {
              List<long[]> out = new java.util.ArrayList<>();
              try (var ps =
                  c.prepareStatement(
                      "SELECT start_time, end_time, exit_code, attempt"
                          + " FROM task_attempts WHERE run_id = ? ORDER BY start_time, end_time")) {
                ps.setLong(1, o.runId());
                try (var rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)});
                  }
                }
              }
              return out;
            });
    assertThat(spans)
        .as("one row per attempt, written once it ended")
        .hasSize(12)
        .allSatisfy(a -> assertThat(a[2]).isZero())
        .allSatisfy(a -> assertThat(a[3]).isEqualTo(1));
    for (int i = 1; i < spans.size(); i++) {
      assertThat(spans.get(i)[0])
          .as("attempt %d starts after the one before ended", i)
          .isGreaterThanOrEqualTo(spans.get(i - 1)[1]);
    }
  }

  /**
   * A cancel takes back the shell tasks waiting on stand-by: they end canceled without an attempt,
   * and none of them starts.
   */
  @Test
  void cancelTakesBackStandByTasksBeforeTheyStart() throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            """
        name: standby-cancel
        tasks:
          - task_key: first
            shell_task: {command: 'touch started; sleep 30'}
        """);
    for (int i = 0; i < 10; i++) {
      yaml.append("  - task_key: w")
          .append(i)
          .append("\n    shell_task: {command: 'touch ran.$ANDON_TASK_KEY'}\n");
    }
    RunRecord r = cancelOnceStarted(h.load(yaml.toString()), 1);
    assertThat(r.resultState()).contains("CANCELED");
    assertThat(result(r, "first")).isEqualTo("CANCELED");
    for (int i = 0; i < 10; i++) {
      assertThat(result(r, "w" + i)).isEqualTo("CANCELED");
      assertThat(task(r, "w" + i).attempts()).as("w%d never started", i).isZero();
    }
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("ran."));
    }
    long attemptRows =
        h.store.read(
            c -> {
              try (var ps =
                  c.prepareStatement("SELECT count(*) FROM task_attempts WHERE run_id = ?")) {
                ps.setLong(1, r.runId());
                try (var rs = ps.executeQuery()) {
                  return rs.next() ? rs.getLong(1) : -1L;
                }
              }
            });
    assertThat(attemptRows).isEqualTo(1);
  }

  /**
   * State changes are committed a few milliseconds after they happen, even when nothing happens
   * after them. Here the first two tasks start while five more stand by; the slow one is seen
   * RUNNING long before the other ends. When that one ends, a task on stand-by starts in its slot,
   * and both slots then run for long: the end and the start are seen all the same.
   */
  @Test
  void stateIsCommittedWhileTheRunGoesOn() throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            """
        name: visible
        tasks:
          - task_key: slow
            shell_task: {command: 'touch slow.started; sleep 30'}
          - task_key: quick
            shell_task: {command: 'sleep 2; echo v=1 > "$ANDON_TASK_VALUES"; touch quick.done'}
        """);
    for (int i = 0; i < 5; i++) {
      yaml.append("  - task_key: long")
          .append(i)
          .append("\n    shell_task: {command: 'sleep 30'}\n");
    }
    JobSpec job = h.load(yaml.toString());
    Executor ex = h.executor(2);
    CompletableFuture<Executor.Outcome> f =
        CompletableFuture.supplyAsync(() -> ex.run(RunRequest.of(job)));
    try {
      waitForFile(tmp.resolve("slow.started"));
      RunStore runs = new RunStore(h.store);
      long runId = runs.list(1, java.util.Optional.empty()).get(0).runId();
      RunRecord early = awaitState(runs, runId, "slow", "RUNNING");
      assertThat(tmp.resolve("quick.done")).as("seen before the other task ended").doesNotExist();
      assertThat(task(early, "slow").state()).isEqualTo("RUNNING");
      waitForFile(tmp.resolve("quick.done"));
      RunRecord later = awaitState(runs, runId, "long0", "RUNNING");
      assertThat(f).isNotDone();
      assertThat(result(later, "quick")).isEqualTo("SUCCESS");
      assertThat(task(later, "quick").values().get("v").asInt()).isEqualTo(1);
      assertThat(task(later, "long0").state()).isEqualTo("RUNNING");
      assertThat(task(later, "long1").state()).isEqualTo("PENDING");
    } finally {
      ex.cancel();
      f.get(20, TimeUnit.SECONDS);
    }
  }

  /** The stored run once {@code task} is in {@code state}, or after a second. */
  private static RunRecord awaitState(RunStore runs, long runId, String task, String state)
      throws InterruptedException {
    RunRecord seen = runs.find(runId).orElseThrow();
    for (int i = 0; i < 100 && !task(seen, task).state().equals(state); i++) {
      Thread.sleep(10);
      seen = runs.find(runId).orElseThrow();
    }
    return seen;
  }

  /**
   * Commands, variables and paths reach the task as UTF-8, characters outside the BMP included; a
   * NUL, which no process can receive, fails the task with a message that says so.
   */
  @Test
  void commandsAndVariablesReachTheTaskAsUtf8() throws Exception {
    String emoji = new String(Character.toChars(0x1F600));
    RunRecord r =
        h.run(
            "name: utf8\n"
                + "parameters: [{name: p, default: \"p-"
                + emoji
                + "\"}]\n"
                + "tasks:\n"
                + "  - task_key: t\n"
                + "    shell_task:\n"
                + "      command: \"printf '%s|%s|%s' 'caf\u00e9 "
                + emoji
                + "' \\\"$EMO\\\" \\\"$ANDON_PARAM_P\\\" > out.txt\"\n"
                + "      env: {EMO: \"e-"
                + emoji
                + "\"}\n"
                + "  - task_key: plain\n"
                + "    shell_task: {command: \"printf '%s' \\\"$ANDON_PARAM_P\\\" > plain.txt\"}\n"
                + "  - task_key: nul\n"
                + "    shell_task: {command: \"echo a\\0b\"}\n");
    assertThat(result(r, "t")).isEqualTo("SUCCESS");
    assertThat(Files.readAllBytes(tmp.resolve("out.txt")))
        .isEqualTo(
            ("caf\u00e9 " + emoji + "|e-" + emoji + "|p-" + emoji)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(tmp.resolve("plain.txt")))
        .isEqualTo(("p-" + emoji).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(result(r, "nul")).isEqualTo("FAILED");
    assertThat(task(r, "nul").message().orElse("")).contains("NUL");
  }

  @Test
  void aTaskWithoutEnvOfItsOwnSeesTheRunEnvironmentOnce() throws Exception {
    h.run(
        """
        name: plain-env
        parameters: [{name: who, default: me}]
        tasks:
          - task_key: t
            shell_task: {command: 'env > env.txt; cat > stdin.txt'}
        """);
    List<String> lines = Files.readAllLines(tmp.resolve("env.txt"));
    assertThat(lines)
        .contains(
            "ANDON_JOB_NAME=plain-env",
            "ANDON_TASK_KEY=t",
            "ANDON_PARAM_WHO=me",
            "ANDON_ATTEMPT=1");
    assertThat(lines).filteredOn(l -> l.startsWith("PATH=")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.startsWith("ANDON_TASK_KEY=")).hasSize(1);
    assertThat(
            lines.stream().map(l -> l.substring(0, Math.max(0, l.indexOf('=')))).distinct().count())
        .as("no variable twice")
        .isEqualTo(lines.stream().filter(l -> l.indexOf('=') > 0).count());
    assertThat(tmp.resolve("stdin.txt")).as("stdin is /dev/null").isEmptyFile();
  }

  /** Runs {@code job}, cancels it once a task has touched "started", returns the stored run. */
  private RunRecord cancelOnceStarted(JobSpec job, int maxParallel) throws Exception {
    Executor ex = h.executor(maxParallel);
    CompletableFuture<Executor.Outcome> f =
        CompletableFuture.supplyAsync(() -> ex.run(RunRequest.of(job)));
    waitForFile(tmp.resolve("started"));
    ex.cancel();
    return h.stored(f.get(20, TimeUnit.SECONDS).runId());
  }

  static void waitForFile(Path p) throws InterruptedException {
    for (int i = 0; i < 200 && !Files.exists(p); i++) {
      Thread.sleep(50);
    }
    assertThat(p).exists();
  }

  static void waitUntilDead(long pid) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (ProcessHandle.of(pid).map(ph -> !ph.isAlive()).orElse(true)) {
        return;
      }
      Thread.sleep(50);
    }
  }
}
