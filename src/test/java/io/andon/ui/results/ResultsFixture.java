package io.andon.ui.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A job whose tasks leave every kind of result the result pages show: a shell task that fails once
 * and is retried, a gate, a TDG grade, a drift comparison and an inference-log monitor over five
 * daily windows with a slice per country and two models. Everything is written into {@code dir};
 * the job file is {@code results.yml}.
 */
public final class ResultsFixture {
  public static final String JOB = "results.yml";
  public static final String MONITOR = "scoring";

  private ResultsFixture() {}

  public static Path write(Path dir) {
    try {
      Files.createDirectories(dir);
      copyTree(Path.of("src/test/resources/tdg/project"), dir.resolve("project"));
      Files.writeString(dir.resolve("base.csv"), numbers(0, 1));
      Files.writeString(dir.resolve("current.csv"), numbers(1.0, 2));
      Files.writeString(dir.resolve("inference.csv"), inference(3));
      Files.writeString(dir.resolve("reference.csv"), reference(4));
      Files.writeString(
          dir.resolve("scoring.yaml"),
          """
          name: scoring
          table: inference.csv
          profile_type: inference_log
          timestamp_col: ts
          granularities: ["1 day"]
          model_id_col: model
          prediction_col: prediction
          label_col: label
          problem_type: classification
          baseline_table: reference.csv
          slicing_exprs: ["country"]
          columns: [x, country]
          min_sample: 50
          thresholds:
            population_stability_index: 0.2
          """);
      Files.writeString(
          dir.resolve("gates.yml"),
          """
          gates:
            - name: production
              checks:
                - {name: accuracy, metric: train.accuracy, comparator: ">=", threshold: 0.9}
                - {name: latency, metric: train.latency_ms, comparator: "<=", threshold: 100}
                - {name: recall, metric: train.recall, comparator: ">=", threshold: 0.5, allow_missing: true}
          """);
      Files.writeString(
          dir.resolve(JOB),
          """
          name: results
          tasks:
            - task_key: train
              max_retries: 1
              min_retry_interval_millis: 0
              shell_task:
                command: |
                  echo "loading rows"
                  echo "epoch 1 loss 0.52"
                  if [ ! -f tried ]; then touch tried; echo "ERROR out of memory"; exit 3; fi
                  echo "epoch 2 loss 0.31"
                  echo '{"accuracy": 0.93, "latency_ms": 140}' > "$ANDON_TASK_VALUES"
            - task_key: gate
              depends_on: [{task_key: train}]
              run_if: ALL_DONE
              gate_task: {gates_file: gates.yml, gate: production}
            - task_key: grade
              tdg_task: {path: project}
            - task_key: drift
              monitor_task: {baseline: base.csv, current: current.csv, fail_on_drift: false}
            - task_key: monitor
              monitor_task: {monitor_file: scoring.yaml}
          """);
      return dir.resolve(JOB);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String numbers(double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("x\n");
    for (int i = 0; i < 1000; i++) {
      sb.append(String.format(Locale.ROOT, "%.5f%n", r.nextGaussian() + shift));
    }
    return sb.toString();
  }

  private static final String[] COUNTRIES = {"FR", "DE", "US"};

  /** Five days of 400 predictions; x drifts a little more each day. */
  private static String inference(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("ts,model,country,x,prediction,label\n");
    for (int day = 0; day < 5; day++) {
      for (int i = 0; i < 400; i++) {
        int label = r.nextInt(2);
        boolean right = r.nextDouble() < 0.9 - day * 0.05;
        sb.append(
            String.format(
                Locale.ROOT,
                "2026-03-%02dT%02d:%02d:00Z,%s,%s,%.4f,%d,%d%n",
                day + 2,
                i % 24,
                i % 60,
                i % 2 == 0 ? "v1" : "v2",
                COUNTRIES[r.nextInt(day >= 3 ? 3 : 2)],
                r.nextGaussian() + day * 0.25,
                right ? label : 1 - label,
                label));
      }
    }
    return sb.toString();
  }

  private static String reference(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("ts,model,country,x,prediction,label\n");
    for (int i = 0; i < 800; i++) {
      int label = r.nextInt(2);
      sb.append(
          String.format(
              Locale.ROOT,
              "2026-02-01T00:00:00Z,%s,%s,%.4f,%d,%d%n",
              i % 2 == 0 ? "v1" : "v2",
              COUNTRIES[r.nextInt(2)],
              r.nextGaussian(),
              r.nextDouble() < 0.9 ? label : 1 - label,
              label));
    }
    return sb.toString();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }
}
