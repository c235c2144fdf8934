package io.andon.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparatorTest {
  private static final double T = 0.95;
  private static final double BELOW = Math.nextDown(T);
  private static final double ABOVE = Math.nextUp(T);

  @Test
  void greaterThanExcludesTheThresholdItself() {
    assertThat(Comparator.GREATER_THAN.test(BELOW, T)).isFalse();
    assertThat(Comparator.GREATER_THAN.test(T, T)).isFalse();
    assertThat(Comparator.GREATER_THAN.test(ABOVE, T)).isTrue();
  }

  @Test
  void greaterOrEqualIncludesTheThreshold() {
    assertThat(Comparator.GREATER_OR_EQUAL.test(BELOW, T)).isFalse();
    assertThat(Comparator.GREATER_OR_EQUAL.test(T, T)).isTrue();
    assertThat(Comparator.GREATER_OR_EQUAL.test(ABOVE, T)).isTrue();
  }

  @Test
  void lessThanExcludesTheThresholdItself() {
    assertThat(Comparator.LESS_THAN.test(BELOW, T)).isTrue();
    assertThat(Comparator.LESS_THAN.test(T, T)).isFalse();
    assertThat(Comparator.LESS_THAN.test(ABOVE, T)).isFalse();
  }

  @Test
  void lessOrEqualIncludesTheThreshold() {
    assertThat(Comparator.LESS_OR_EQUAL.test(BELOW, T)).isTrue();
    assertThat(Comparator.LESS_OR_EQUAL.test(T, T)).isTrue();
    assertThat(Comparator.LESS_OR_EQUAL.test(ABOVE, T)).isFalse();
  }

  @Test
  void equalIsExactOnDoubles() {
    assertThat(Comparator.EQUAL.test(T, T)).isTrue();
    assertThat(Comparator.EQUAL.test(BELOW, T)).isFalse();
    assertThat(Comparator.EQUAL.test(ABOVE, T)).isFalse();
    assertThat(Comparator.EQUAL.test(0.1 + 0.2, 0.3)).isFalse();
    assertThat(Comparator.EQUAL.test(-0.0, 0.0)).isTrue();
  }

  @Test
  void notEqualIsTheNegationOfEqual() {
    assertThat(Comparator.NOT_EQUAL.test(T, T)).isFalse();
    assertThat(Comparator.NOT_EQUAL.test(BELOW, T)).isTrue();
    assertThat(Comparator.NOT_EQUAL.test(ABOVE, T)).isTrue();
  }

  @Test
  void betweenIsAClosedRange() {
    assertThat(Comparator.inRange(0.0, 0.0, 0.2)).isTrue();
    assertThat(Comparator.inRange(0.2, 0.0, 0.2)).isTrue();
    assertThat(Comparator.inRange(Math.nextDown(0.0), 0.0, 0.2)).isFalse();
    assertThat(Comparator.inRange(Math.nextUp(0.2), 0.0, 0.2)).isFalse();
    assertThat(Comparator.inRange(0.1, 0.1, 0.1)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    ">, GREATER_THAN",
    ">=, GREATER_OR_EQUAL",
    "<, LESS_THAN",
    "<=, LESS_OR_EQUAL",
    "==, EQUAL",
    "!=, NOT_EQUAL",
    "between, BETWEEN",
    "GreaterThan, GREATER_THAN",
    "GreaterOrEqual, GREATER_OR_EQUAL",
    "LessThan, LESS_THAN",
    "LessOrEqual, LESS_OR_EQUAL",
    "GREATER_THAN_OR_EQUAL, GREATER_OR_EQUAL",
    "LESS_THAN_OR_EQUAL, LESS_OR_EQUAL",
    "EQUAL_TO, EQUAL",
    "not_equal, NOT_EQUAL",
    "greater_or_equal, GREATER_OR_EQUAL",
    "in_range, BETWEEN"
  })
  void parsesSymbolsTheBriefsNamesAndDatabricksNames(String text, Comparator expected) {
    assertThat(Comparator.parse(text)).contains(expected);
  }

  @Test
  void unknownComparatorSuggestsTheClosestSpelling() {
    assertThat(Comparator.parse("GreaterOrEqul")).isEmpty();
    assertThat(Comparator.unknownMessage("GreaterOrEqul"))
        .contains("Did you mean")
        .contains("GreaterOrEqual");
    assertThat(Comparator.parse("=>")).isEmpty();
    assertThat(Comparator.unknownMessage("=>")).endsWith("Did you mean '>='?");
  }
}
