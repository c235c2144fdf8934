package io.andon.serve;

import io.andon.engine.RunListener;
import io.andon.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's Prometheus metrics: runs by result, task durations, runs waiting in queues and
 * notifications not yet delivered (the last two read from the store at each scrape).
 */
final class Metrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Long> taskStarts = new ConcurrentHashMap<>();

  Metrics(Store store) {
    Gauge.builder(
            "andon_queue_length",
            store,
            s -> count(s, "SELECT COUNT(*) FROM runs WHERE state = 'QUEUED'"))
        .description("Runs waiting in a job's queue")
        .register(registry);
    Gauge.builder(
            "andon_outbox_backlog",
            store,
            s -> count(s, "SELECT COUNT(*) FROM notifications WHERE state = 'PENDING'"))
        .description("Notifications not yet delivered")
        .register(registry);
  }

  private static double count(Store store, String sql) {
    try {
      return store.read(
          c -> {
            try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getLong(1) : 0L;
            }
          });
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Counts a run that ended, by result. */
  void runEnded(String result) {
    Counter.builder("andon_runs")
        .tag("result", result)
        .description("Runs ended, by result")
        .register(registry)
        .increment();
  }

  /** A listener that feeds the run and task metrics. */
  RunListener listener() {
    return new RunListener() {
      @Override
      public void runFinished(RunInfo run, String resultState, String message) {
        runEnded(resultState);
      }

      @Override
      public void taskStarted(RunInfo run, String taskKey, int attempt) {
        taskStarts.put(run.runId() + "/" + taskKey + "/" + attempt, System.nanoTime());
      }

      @Override
      public void taskFinished(
          RunInfo run,
          String taskKey,
          String resultState,
          int attempt,
          boolean willRetry,
          String message) {
        Long start = taskStarts.remove(run.runId() + "/" + taskKey + "/" + attempt);
        if (start != null) {
          Timer.builder("andon_task_duration")
              .tag("result", resultState)
              .description("Task attempts' wall time")
              .register(registry)
              .record(Duration.ofNanos(System.nanoTime() - start));
        }
      }
    };
  }

  /** The metrics in Prometheus' text format. */
  String scrape() {
    return registry.scrape();
  }
}
