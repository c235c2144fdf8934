package io.andon.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Several metric sources asked in order (the first that knows a name wins), plus metrics that name
 * their own file: {@code reports/eval.json:$.model.accuracy}, the file taken relative to a base
 * folder (the gates file's folder). Such a file that does not exist makes the metric not measured;
 * one that is not JSON is invalid input.
 */
public final class Metrics implements MetricSource {
  private final List<MetricSource> sources;
  private final Path baseDir;
  private final Map<Path, JsonMetrics> files = new HashMap<>();

  private Metrics(List<MetricSource> sources, Path baseDir) {
    this.sources = List.copyOf(sources);
    this.baseDir = baseDir;
  }

  public static Builder builder(Path baseDir) {
    return new Builder(baseDir);
  }

  /** Collects sources in precedence order. */
  public static final class Builder {
    private final Path baseDir;
    private final Map<String, Double> given = new LinkedHashMap<>();
    private final List<MetricSource> sources = new ArrayList<>();

    private Builder(Path baseDir) {
      this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    }

    /** A value given on the command line; these come first. */
    public Builder metric(String name, double value) {
      given.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    public Builder add(MetricSource source) {
      sources.add(Objects.requireNonNull(source, "source"));
      return this;
    }

    public Metrics build() {
      List<MetricSource> all = new ArrayList<>();
      if (!given.isEmpty()) {
        all.add(MetricSource.of(given, "--metric"));
      }
      all.addAll(sources);
      return new Metrics(all, baseDir);
    }
  }

  /** Splits {@code file.json:$.path} into file and path, or empty for a plain name. */
  static Optional<String[]> qualified(String metric) {
    int at = metric.lastIndexOf(":$");
    if (at <= 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {metric.substring(0, at), metric.substring(at + 1)});
  }

  @Override
  public Optional<Measurement> find(String metric) {
    Optional<String[]> q = qualified(metric);
    if (q.isPresent()) {
      Path file = baseDir.resolve(q.get()[0]).normalize();
      JsonPath path;
      try {
        path = JsonPath.parse(q.get()[1]);
      } catch (IllegalArgumentException e) {
        return Optional.of(Measurement.unusable(metric, e.getMessage()));
      }
      if (!Files.exists(file)) {
        return Optional.of(
            Measurement.unusable(
                display(file).toString(),
                "is missing: the file does not" + " exist (did the step that writes it run?)"));
      }
      JsonMetrics m = files.computeIfAbsent(file, f -> JsonMetrics.read("", display(f)));
      return m.at(path);
    }
    for (MetricSource s : sources) {
      Optional<Measurement> m = s.find(metric);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  /** The path relative to the working folder when it lies under it, for shorter messages. */
  static Path display(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd) ? cwd.relativize(abs) : file;
  }

  @Override
  public String describe() {
    if (sources.isEmpty()) {
      return "no metric sources (give --metrics FILE or --metric NAME=VALUE)";
    }
    List<String> d = new ArrayList<>();
    for (MetricSource s : sources) {
      d.add(s.describe());
    }
    return String.join(", ", d);
  }

  @Override
  public List<String> names() {
    List<String> out = new ArrayList<>();
    for (MetricSource s : sources) {
      out.addAll(s.names());
    }
    return out;
  }
}
