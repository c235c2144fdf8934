package io.andon.gate;

import io.andon.util.Strings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a check compares a metric's value with its threshold. {@link #BETWEEN} is a closed range:
 * {@code low <= value <= high}. Equality is exact on doubles ({@code 0.1 + 0.2 != 0.3}); use a
 * range for a tolerance.
 */
public enum Comparator {
  GREATER_THAN(">", "GreaterThan"),
  GREATER_OR_EQUAL(">=", "GreaterOrEqual"),
  LESS_THAN("<", "LessThan"),
  LESS_OR_EQUAL("<=", "LessOrEqual"),
  EQUAL("==", "EqualTo"),
  NOT_EQUAL("!=", "NotEqual"),
  BETWEEN("between", "Between");

  private final String symbol;
  private final String briefName;

  Comparator(String symbol, String briefName) {
    this.symbol = symbol;
    this.briefName = briefName;
  }

  /** The short form used in reports: {@code >=}, {@code between}, ... */
  public String symbol() {
    return symbol;
  }

  /** The product brief's spelling: {@code GreaterOrEqual}, ... */
  public String briefName() {
    return briefName;
  }

  /** True for every comparator but {@link #BETWEEN}, which takes a range. */
  public boolean takesOneValue() {
    return this != BETWEEN;
  }

  /**
   * Compares finite values. For {@link #BETWEEN} use {@link #inRange(double, double, double)}.
   *
   * @throws IllegalStateException for {@link #BETWEEN}
   */
  public boolean test(double value, double threshold) {
    return switch (this) {
      case GREATER_THAN -> value > threshold;
      case GREATER_OR_EQUAL -> value >= threshold;
      case LESS_THAN -> value < threshold;
      case LESS_OR_EQUAL -> value <= threshold;
      case EQUAL -> value == threshold;
      case NOT_EQUAL -> value != threshold;
      case BETWEEN -> throw new IllegalStateException("between takes a range; use inRange");
    };
  }

  /** The closed range test {@code low <= value <= high}. */
  public static boolean inRange(double value, double low, double high) {
    return low <= value && value <= high;
  }

  /**
   * Reads a comparator as users write it: a symbol ({@code >=}), the brief's name ({@code
   * GreaterOrEqual}), the Databricks condition_task name ({@code GREATER_THAN_OR_EQUAL}), or the
   * enum's own name, in any case; {@code between} (also {@code range}, {@code in_range}) for a
   * closed range.
   */
  public static Optional<Comparator> parse(String text) {
    String t = text.strip();
    for (Comparator c : values()) {
      if (c.symbol.equals(t)) {
        return Optional.of(c);
      }
    }
    String k = t.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    return Optional.ofNullable(
        switch (k) {
          case "gt", "greaterthan" -> GREATER_THAN;
          case "ge", "gte", "greaterorequal", "greaterthanorequal", "greaterequal" ->
              GREATER_OR_EQUAL;
          case "lt", "lessthan" -> LESS_THAN;
          case "le", "lte", "lessorequal", "lessthanorequal", "lessequal" -> LESS_OR_EQUAL;
          case "eq", "equal", "equals", "equalto", "=" -> EQUAL;
          case "ne", "notequal", "notequalto", "<>" -> NOT_EQUAL;
          case "between", "range", "inrange" -> BETWEEN;
          default -> null;
        });
  }

  /** Every spelling {@link #parse} accepts that a message should offer. */
  public static List<String> spellings() {
    List<String> out = new ArrayList<>();
    for (Comparator c : values()) {
      out.add(c.symbol);
    }
    for (Comparator c : values()) {
      if (c != BETWEEN) {
        out.add(c.briefName);
      }
    }
    return out;
  }

  /** A one-line problem for an unknown comparator, with a did-you-mean hint. */
  static String unknownMessage(String text) {
    String reversed = new StringBuilder(text.strip()).reverse().toString();
    String hint =
        parse(reversed)
            .filter(c -> c.symbol.equals(reversed))
            .map(c -> " Did you mean '" + c.symbol + "'?")
            .orElse(null);
    List<String> candidates = new ArrayList<>(spellings());
    for (Comparator c : values()) {
      candidates.add(c.name());
    }
    return "unknown comparator '"
        + text
        + "'. Use one of "
        + String.join(", ", spellings())
        + "."
        + (hint != null ? hint : Strings.didYouMean(text, candidates));
  }
}
