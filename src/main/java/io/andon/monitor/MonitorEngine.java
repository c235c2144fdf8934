package io.andon.monitor;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Another engine that runs a monitor, found by {@link MonitorEngines} through {@link
 * java.util.ServiceLoader} when its jar is on the class path (andon-spark's Spark engine is one).
 * An engine produces the same {@link MonitorResult} as {@link MonitorRun}: the same profile and
 * drift rows, which andon then stores, reports and exports as usual.
 */
public interface MonitorEngine {
  /** The name {@code --engine} and a monitor task's {@code engine:} choose it by. */
  String name();

  /**
   * Runs {@code spec}; {@code progress} gets a line now and then.
   *
   * @throws io.andon.error.InvalidInputException when the input, the settings or the cluster are
   *     wrong, with what to do about it
   */
  MonitorResult run(
      MonitorSpec spec, EngineSettings settings, Clock clock, Consumer<String> progress);
}
