package io.andon.gate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON file of metrics, flat ({@code {"accuracy": 0.96}}) or nested (andon's own reports, e.g.
 * {@code {"score": 87.5, "components": {...}}}). A metric name is a path into it ({@link
 * JsonPath}); the same path may also start with the file's prefix: its name without {@code .json}
 * by default ({@code tdg.score} for {@code tdg.json}), or the name given as {@code NAME=FILE}. NaN
 * and Infinity written by Python's {@code json.dump} are read as such.
 */
public final class JsonMetrics implements MetricSource {
  static final ObjectMapper READER =
      JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private final Path file;
  private final String prefix;
  private final JsonNode root;

  private JsonMetrics(Path file, String prefix, JsonNode root) {
    this.file = file;
    this.prefix = prefix;
    this.root = root;
  }

  /** Reads {@code file}, whose prefix is its name without the {@code .json} extension. */
  public static JsonMetrics read(Path file) {
    Objects.requireNonNull(file, "file");
    String stem = file.getFileName().toString();
    int dot = stem.lastIndexOf('.');
    return read(dot > 0 ? stem.substring(0, dot) : stem, file);
  }

  /**
   * Reads {@code file} under the given prefix.
   *
   * @throws InvalidInputException when the file is missing, unreadable or not JSON
   */
  public static JsonMetrics read(String prefix, Path file) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(file, "file");
    return new JsonMetrics(file, prefix, parse(file));
  }

  /** Parses a JSON file with messages that say file:line:column. */
  static JsonNode parse(Path file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new InvalidInputException(
            file + " is a directory; give the path of a JSON file" + " of metrics.");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          "metrics file "
              + file
              + ": no such file. Check the path"
              + " (relative paths start from "
              + Path.of("").toAbsolutePath()
              + ").");
    } catch (IOException e) {
      throw new InvalidInputException(
          "metrics file " + file + " cannot be read (" + e.getMessage() + ").", e);
    }
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw new InvalidInputException(
          "metrics file "
              + file
              + " is empty; it should hold a JSON"
              + " object such as {\"accuracy\": 0.96}.");
    }
    try {
      return READER.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      String first = e.getOriginalMessage().lines().findFirst().orElse("");
      throw new InvalidInputException(
          file
              + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr())
              + ": malformed JSON: "
              + first
              + ". Fix the file, or check that the"
              + " step that writes it finished.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(
          "metrics file " + file + " cannot be read (" + e.getMessage() + ").", e);
    }
  }

  public Path file() {
    return file;
  }

  public String prefix() {
    return prefix;
  }

  @Override
  public Optional<Measurement> find(String metric) {
    JsonPath path;
    try {
      path = JsonPath.parse(metric);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    List<JsonPath.Token> t = path.tokens();
    if (!prefix.isEmpty()
        && t.size() > 1
        && t.get(0) instanceof JsonPath.Key k
        && k.name().equals(prefix)) {
      Optional<Measurement> under = measure(path.lookup(root, 1), file + ":$." + rest(metric));
      if (under.isPresent()) {
        return under;
      }
    }
    return measure(path.lookup(root, 0), file + ":" + dollar(metric));
  }

  /** A found value, an unusable measurement for an ambiguous path, or empty. */
  private static Optional<Measurement> measure(JsonPath.Lookup l, String source) {
    if (l instanceof JsonPath.Found f) {
      return Optional.of(Measurement.fromJson(f.node(), source));
    }
    if (l instanceof JsonPath.Ambiguous a) {
      return Optional.of(
          Measurement.unusable(
              source,
              "is ambiguous: "
                  + a.filters()
                  + " matches "
                  + a.count()
                  + " rows"
                  + (a.differing().isEmpty()
                      ? ""
                      : "; add a filter on a field that tells them apart: " + a.differing())));
    }
    return Optional.empty();
  }

  private String rest(String metric) {
    return metric.substring(prefix.length() + 1);
  }

  private static String dollar(String metric) {
    if (metric.startsWith("$")) {
      return metric;
    }
    return metric.startsWith("[") ? "$" + metric : "$." + metric;
  }

  /** The value at an explicit path ({@code $.a.b}), for {@code file.json:$.a.b} metrics. */
  Optional<Measurement> at(JsonPath path) {
    return measure(path.lookup(root, 0), file + ":" + path);
  }

  @Override
  public String describe() {
    return file.toString();
  }

  @Override
  public List<String> names() {
    List<String> leaves = JsonPath.leaves(root, 500);
    if (prefix.isEmpty()) {
      return leaves;
    }
    List<String> out = new java.util.ArrayList<>(leaves);
    for (String l : leaves) {
      out.add(prefix + "." + l);
    }
    return out;
  }
}
