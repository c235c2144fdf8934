package io.andon.job;

import java.util.List;
import java.util.Objects;

/**
 * Compares two values and records the outcome "true" or "false"; dependents choose a branch with
 * {@code depends_on.outcome}. EQUAL_TO and NOT_EQUAL compare strings; the ordering operators
 * compare numbers.
 */
public record ConditionTask(String left, Op op, String right) implements Payload {
  public static final String KEY = "condition_task";

  /** The comparison operators of Databricks condition tasks. */
  public enum Op {
    EQUAL_TO,
    NOT_EQUAL,
    GREATER_THAN,
    GREATER_THAN_OR_EQUAL,
    LESS_THAN,
    LESS_THAN_OR_EQUAL
  }

  public ConditionTask {
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(right, "right");
  }

  @Override
  public String type() {
    return KEY;
  }

  @Override
  public List<String> templates() {
    return List.of(left, right);
  }

  /**
   * Evaluates with resolved operands.
   *
   * @throws IllegalArgumentException when an ordering operator meets a value that is not a number
   */
  public static boolean evaluate(String left, Op op, String right) {
    switch (op) {
      case EQUAL_TO:
        return left.equals(right);
      case NOT_EQUAL:
        return !left.equals(right);
      default:
        double l = number(left, "left");
        double r = number(right, "right");
        return switch (op) {
          case GREATER_THAN -> l > r;
          case GREATER_THAN_OR_EQUAL -> l >= r;
          case LESS_THAN -> l < r;
          case LESS_THAN_OR_EQUAL -> l <= r;
          default -> throw new AssertionError(op);
        };
    }
  }

  private static double number(String s, String side) {
    try {
      double d = Double.parseDouble(s.strip());
      if (Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          side
              + " operand '"
              + s
              + "' is not a number; GREATER_THAN and the other ordering"
              + " operators compare numbers (use EQUAL_TO or NOT_EQUAL for strings)");
    }
  }
}
