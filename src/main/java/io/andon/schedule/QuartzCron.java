package io.andon.schedule;

import io.andon.error.InvalidInputException;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A Quartz cron expression in a time zone, compiled once. Fire times are Quartz's own ({@link
 * CronExpression#getNextValidTimeAfter}): whole seconds, and across daylight-saving changes exactly
 * as Quartz computes them. Immutable after construction.
 */
public final class QuartzCron {
  static final List<String> FIELDS =
      List.of("seconds", "minutes", "hours", "day-of-month", "month", "day-of-week", "year");
  private static final String FORM =
      "Quartz cron has 6 or 7 fields: seconds minutes hours"
          + " day-of-month month day-of-week [year], with '?' in one of the two day fields, e.g."
          + " '0 0 6 * * ?' for 06:00 every day.";

  private final String text;
  private final ZoneId zone;
  private final CronExpression expression;

  private QuartzCron(String text, ZoneId zone, CronExpression expression) {
    this.text = text;
    this.zone = zone;
    this.expression = expression;
  }

  /**
   * Compiles {@code text} in {@code zone}; a malformed expression is an {@link
   * InvalidInputException} that names the field at fault, prefixed with {@code where}.
   */
  public static QuartzCron parse(String text, ZoneId zone, String where) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(zone, "zone");
    String[] fields = text.trim().split("\\s+");
    String bad = where + ": quartz_cron_expression '" + text + "'";
    if (text.isBlank() || fields.length < 6 || fields.length > 7) {
      throw new InvalidInputException(
          bad + " has " + (text.isBlank() ? 0 : fields.length) + " fields. " + FORM);
    }
    for (int i = 0; i < fields.length; i++) {
      Optional<String> problem = fieldProblem(fields, i);
      if (problem.isPresent()) {
        throw new InvalidInputException(
            bad
                + ": the "
                + FIELDS.get(i)
                + " field '"
                + fields[i]
                + "' is invalid: "
                + problem.get()
                + " "
                + FORM);
      }
    }
    try {
      CronExpression expression = new CronExpression(String.join(" ", fields));
      expression.setTimeZone(TimeZone.getTimeZone(zone));
      return new QuartzCron(String.join(" ", fields), zone, expression);
    } catch (ParseException e) {
      throw new InvalidInputException(
          bad
              + ": "
              + e.getMessage()
              + " The day-of-month and"
              + " day-of-week fields cannot both be set: put '?' in one of them. "
              + FORM);
    }
  }

  /** Quartz's message for field {@code i} alone, the other fields set to neutral values. */
  private static Optional<String> fieldProblem(String[] fields, int i) {
    String[] probe = {"0", "0", "0", "*", "*", "?"};
    if (i == 3) {
      probe[5] = fields[i].equals("?") ? "*" : "?";
    } else if (i == 5) {
      probe[3] = fields[i].equals("?") ? "*" : "?";
    }
    String[] candidate = i == 6 ? Arrays.copyOf(probe, 7) : probe;
    candidate[i] = fields[i];
    try {
      new CronExpression(String.join(" ", candidate));
      return Optional.empty();
    } catch (ParseException | RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /** The first fire time at or after {@code instant}, or empty when it never fires again. */
  public Optional<Instant> firstFireAtOrAfter(Instant instant) {
    Date after = Date.from(instant.minusMillis(1));
    return Optional.ofNullable(expression.getNextValidTimeAfter(after)).map(Date::toInstant);
  }

  /** The expression as written, fields separated by single spaces. */
  public String text() {
    return text;
  }

  /** The time zone the fields are read in. */
  public ZoneId zone() {
    return zone;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QuartzCron c && c.text.equals(text) && c.zone.equals(zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, zone);
  }

  @Override
  public String toString() {
    return text + " (" + zone + ")";
  }
}
