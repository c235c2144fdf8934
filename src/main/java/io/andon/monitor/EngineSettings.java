package io.andon.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link MonitorEngine} other than the built-in one is to run: its master ({@code local[*]},
 * {@code spark://host:7077}, {@code yarn}, {@code k8s://...}; empty for the engine's default), its
 * settings ({@code --spark-conf k=v}, a monitor task's {@code spark_conf}), in order, and where it
 * also appends the run's tables as Delta tables ({@code --delta DIR}; empty for nowhere).
 */
public record EngineSettings(
    Optional<String> master, Map<String, String> conf, Optional<String> delta) {
  public EngineSettings {
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(delta, "delta");
    conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
  }

  /** A master and settings, writing no Delta tables. */
  public EngineSettings(Optional<String> master, Map<String, String> conf) {
    this(master, conf, Optional.empty());
  }

  /** No master and no settings: the engine's defaults. */
  public static EngineSettings defaults() {
    return new EngineSettings(Optional.empty(), Map.of());
  }
}
