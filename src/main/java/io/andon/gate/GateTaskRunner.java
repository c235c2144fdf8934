package io.andon.gate;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.TaskContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs a {@code gate_task}: metrics come from the task values of this run ({@code train.accuracy}
 * is task {@code train}'s value {@code accuracy}) and then from the listed files; max_drop/max_rise
 * checks without a baseline of their own compare with the task's {@code baseline} file, else the
 * last successful run of {@code baseline_job}, else of this job. The task fails when the gate
 * fails. Each check publishes its value as the task value {@code <check>} and its verdict as {@code
 * <check>_status} (see {@link #valueName}); the gate publishes {@code passed} and {@code gate}. The
 * result is stored with the run's id.
 */
public final class GateTaskRunner implements PayloadRunner {
  private final Clock clock;

  public GateTaskRunner() {
    this(Clock.systemUTC());
  }

  public GateTaskRunner(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String key() {
    return GateTask.KEY;
  }

  @Override
  public TaskOutcome run(Payload payload, TaskContext context) {
    GateTask task = (GateTask) payload;
    Path base = context.baseDir();
    Path gatesPath = base.resolve(context.resolve(task.gatesFile())).normalize();
    GatesFile file = GatesFile.load(gatesPath);
    QualityGate gate = file.gate(task.gate().map(context::resolve));
    Metrics.Builder metrics =
        Metrics.builder(file.baseDir())
            .add(
                new TaskValueMetrics(
                    context.taskValues(), "task values of run " + context.runId()));
    for (String m : task.metrics()) {
      String spec = context.resolve(m);
      int eq = spec.indexOf('=');
      if (eq > 0 && spec.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
        metrics.add(
            JsonMetrics.read(
                spec.substring(0, eq), base.resolve(spec.substring(eq + 1)).normalize()));
      } else {
        metrics.add(JsonMetrics.read(base.resolve(spec).normalize()));
      }
    }
    GateStore history = new GateStore(context.store());
    OptionalLong self = OptionalLong.of(context.runId());
    MetricSource given =
        task.baseline().isPresent()
            ? JsonMetrics.read("", base.resolve(context.resolve(task.baseline().get())).normalize())
            : history.lastSuccessfulRun(
                task.baselineJob().map(context::resolve).orElse(context.jobName()), self);
    BaselineResolver baselines =
        new BaselineResolver(Optional.of(given), () -> Optional.of(history), self);
    GateResult result = gate.evaluate(metrics.build(), baselines);
    context.log().print(ReportFormat.TEXT.render(result, Optional.of(gatesPath)));
    history.record(
        result,
        new GateStore.Origin(
            self, Optional.of(context.taskKey()), Optional.of(gatesPath.toString())),
        clock.instant());
    for (CheckResult c : result.checks()) {
      String name = valueName(c.name());
      context.putValue(name, ReportFormat.number(c.value()));
      context.putValue(name + "_status", TextNode.valueOf(c.status().name()));
    }
    context.putValue("passed", BooleanNode.valueOf(result.passed()));
    context.putValue("gate", TextNode.valueOf(result.gate()));
    String message = "gate " + result.gate() + " " + result.summary();
    return result.passed() ? TaskOutcome.success(message) : TaskOutcome.failure(message);
  }

  /**
   * A check name as a task value name that references can name without backticks: characters other
   * than letters, digits, _ and - become _ ({@code train.accuracy} publishes {@code
   * train_accuracy}).
   */
  public static String valueName(String checkName) {
    return checkName.replaceAll("[^A-Za-z0-9_\\-]", "_");
  }
}
