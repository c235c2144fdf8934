package io.andon.monitor;

import io.andon.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds a {@link MonitorEngine} by name among those on the class path. The built-in engine, {@value
 * #BUILT_IN}, is {@link MonitorRun} and is not looked up.
 */
public final class MonitorEngines {
  /** The name of the built-in single-machine engine (DuckDB). */
  public static final String BUILT_IN = "duckdb";

  private MonitorEngines() {}

  /**
   * The engine called {@code name}.
   *
   * @throws InvalidInputException when no engine of that name is on the class path, saying how to
   *     put it there
   */
  public static MonitorEngine find(String name) {
    List<String> known = new ArrayList<>(List.of(BUILT_IN));
    for (MonitorEngine e : ServiceLoader.load(MonitorEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
      known.add(e.name());
    }
    if (name.equals("spark")) {
      throw new InvalidInputException(
          "the spark engine is not on the class path. It is the andon-spark module: build it"
              + " with ./mvnw -B package (it writes spark/target/andon-spark.jar and Spark's jars"
              + " to spark/target/lib/); the ./andon launcher then adds them when it sees"
              + " --engine spark or ANDON_SPARK=1 (for a job's monitor_task with engine: spark)."
              + " With java -cp, add spark/target/andon-spark.jar and spark/target/lib/* beside"
              + " andon.jar (see docs/monitoring.md, Scale).");
    }
    throw new InvalidInputException(
        "unknown engine '" + name + "'; the engines here are: " + String.join(", ", known) + ".");
  }
}
