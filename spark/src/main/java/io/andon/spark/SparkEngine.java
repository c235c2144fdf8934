package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.monitor.EngineSettings;
import io.andon.monitor.MonitorEngine;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorSpec;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The {@code spark} engine of {@code andon monitor --engine spark} and of a monitor task's {@code
 * engine: spark}: starts (or joins) a Spark session, runs the monitor on it, and stops what it
 * started; with {@code --delta DIR}, appends the run's rows to Delta tables there. Any failure of
 * the cluster or the job (an unreachable master, a table Spark cannot read, a job whose tasks
 * failed after Spark's retries) is invalid input with what happened and what to do; nothing is
 * returned, so nothing is stored.
 */
public final class SparkEngine implements MonitorEngine {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public MonitorResult run(
      MonitorSpec spec, EngineSettings settings, Clock clock, Consumer<String> progress) {
    SparkSessions.Session session = SparkSessions.start(spec.name(), settings, progress);
    try {
      MonitorResult result = new SparkMonitorRun(session.spark(), spec, clock, progress).run();
      if (settings.delta().isPresent()) {
        progress.accept("appending to the Delta tables in " + settings.delta().get());
        DeltaExport.write(session.spark(), result, settings.delta().get());
      }
      return result;
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception e) { // Spark throws its checked SparkException undeclared
      throw new InvalidInputException(
          "the spark engine failed while running monitor "
              + spec.name()
              + " on "
              + session.master()
              + ": "
              + Failures.first(e)
              + " Nothing was stored. Check the cluster (its executors' logs say why a task"
              + " failed), then run the monitor again.",
          e);
    } finally {
      session.close();
    }
  }
}
