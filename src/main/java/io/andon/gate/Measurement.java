package io.andon.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a metric source found for a metric: a number (possibly NaN or infinite, which checks report
 * and never compare), or a value that is not a number, with the reason.
 *
 * @param value the number; NaN when {@code problem} is present
 * @param source where it came from, e.g. {@code metrics.json:$.model.accuracy}
 * @param problem why the value is unusable (a string, null, a list, a missing file, ...)
 */
public record Measurement(double value, String source, Optional<String> problem) {
  private static final Pattern NUMBER =
      Pattern.compile(
          "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|nan|Infinity|inf|Inf)");

  public Measurement {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(problem, "problem");
  }

  public static Measurement of(double value, String source) {
    return new Measurement(value, source, Optional.empty());
  }

  public static Measurement unusable(String source, String problem) {
    return new Measurement(Double.NaN, source, Optional.of(problem));
  }

  /** A number, NaN or infinite included. */
  public boolean isNumber() {
    return problem.isEmpty();
  }

  /**
   * Reads a JSON value: numbers as they are; strings that spell a number ({@code "0.95"}, {@code
   * "NaN"}, {@code "-Infinity"}) as that number; anything else (null, booleans, other strings,
   * objects, lists) is unusable, never 0.
   */
  public static Measurement fromJson(JsonNode node, String source) {
    Objects.requireNonNull(node, "node");
    if (node.isNumber()) {
      return of(node.doubleValue(), source);
    }
    if (node.isTextual()) {
      return parse(node.textValue(), source)
          .orElseGet(
              () ->
                  unusable(
                      source,
                      "is the string \"" + abbreviate(node.textValue()) + "\", not a number"));
    }
    if (node.isNull() || node.isMissingNode()) {
      return unusable(source, "is null, not a number");
    }
    if (node.isBoolean()) {
      return unusable(source, "is the boolean " + node.booleanValue() + ", not a number");
    }
    if (node.isObject()) {
      return unusable(
          source,
          "is an object, not a number; name one of its fields: "
              + abbreviate(String.join(", ", (Iterable<String>) node::fieldNames)));
    }
    if (node.isArray()) {
      return unusable(
          source,
          "is a list of "
              + node.size()
              + ", not a number; pick an element,"
              + " e.g. [0] or [name=value]");
    }
    return unusable(source, "is " + node.getNodeType().name().toLowerCase() + ", not a number");
  }

  /** A number written as text, or empty. Accepts NaN, Infinity and inf with a sign. */
  public static Optional<Measurement> parse(String text, String source) {
    String t = text.strip();
    if (!NUMBER.matcher(t).matches()) {
      return Optional.empty();
    }
    String lower = t.toLowerCase();
    if (lower.endsWith("nan")) {
      return Optional.of(of(Double.NaN, source));
    }
    if (lower.endsWith("inf") || lower.endsWith("infinity")) {
      return Optional.of(
          of(t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, source));
    }
    return Optional.of(of(Double.parseDouble(t), source));
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
