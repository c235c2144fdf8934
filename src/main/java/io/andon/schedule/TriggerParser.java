package io.andon.schedule;

import io.andon.error.InvalidInputException;
import io.andon.util.Strings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a job's {@code schedule}, {@code trigger} and {@code continuous} from its settings as a
 * plain map (parsed YAML or Jobs API JSON). Every key is checked: an unknown or misspelt key, a
 * wrong type or a bad value is an {@link InvalidInputException} that says where and what to do.
 */
public final class TriggerParser {
  private static final Set<String> SCHEDULE_KEYS =
      Set.of("quartz_cron_expression", "timezone_id", "pause_status");
  private static final Set<String> TRIGGER_KEYS =
      Set.of("pause_status", "periodic", "file_arrival", "table", "table_update");
  private static final Set<String> PERIODIC_KEYS = Set.of("interval", "unit");
  private static final Set<String> FILE_ARRIVAL_KEYS =
      Set.of("url", "min_time_between_triggers_seconds", "wait_after_last_change_seconds");
  private static final Set<String> CONTINUOUS_KEYS = Set.of("pause_status");

  private TriggerParser() {}

  /**
   * The job's trigger, or empty when it has none. {@code where} names the job for messages, e.g.
   * {@code "jobs/etl.yml: job 'etl'"}. Other keys of {@code job} are left to the job loader.
   */
  public static Optional<JobTrigger> parse(Map<String, ?> job, String where) {
    List<String> present =
        List.of("schedule", "trigger", "continuous").stream().filter(job::containsKey).toList();
    if (present.size() > 1) {
      throw new InvalidInputException(
          where
              + ": has "
              + String.join(" and ", present)
              + "; a job has at most one of schedule, trigger and continuous. Keep one.");
    }
    if (present.isEmpty()) {
      return Optional.empty();
    }
    String key = present.get(0);
    Map<String, ?> body = map(job.get(key), where + ": " + key);
    return Optional.of(
        switch (key) {
          case "schedule" -> schedule(body, where + ": schedule");
          case "trigger" -> trigger(body, where + ": trigger");
          default -> continuous(body, where + ": continuous");
        });
  }

  private static CronSchedule schedule(Map<String, ?> body, String where) {
    checkKeys(body, SCHEDULE_KEYS, where);
    String cron =
        string(required(body, "quartz_cron_expression", where), where + ".quartz_cron_expression");
    ZoneId zone =
        zone(
            string(required(body, "timezone_id", where), where + ".timezone_id"),
            where + ".timezone_id");
    return new CronSchedule(QuartzCron.parse(cron, zone, where), pause(body, where));
  }

  private static JobTrigger trigger(Map<String, ?> body, String where) {
    checkKeys(body, TRIGGER_KEYS, where);
    for (String unsupported : List.of("table", "table_update")) {
      if (body.containsKey(unsupported)) {
        throw new InvalidInputException(
            where
                + "."
                + unsupported
                + ": table triggers watch"
                + " Unity Catalog tables, which andon does not have. Use periodic or file_arrival.");
      }
    }
    boolean periodic = body.containsKey("periodic");
    boolean fileArrival = body.containsKey("file_arrival");
    if (periodic == fileArrival) {
      throw new InvalidInputException(
          where
              + ": give exactly one of periodic and file_arrival"
              + (periodic ? ", not both." : "."));
    }
    PauseStatus pause = pause(body, where);
    if (periodic) {
      String at = where + ".periodic";
      Map<String, ?> p = map(body.get("periodic"), at);
      checkKeys(p, PERIODIC_KEYS, at);
      long interval = integer(required(p, "interval", at), at + ".interval");
      if (interval <= 0 || interval > Integer.MAX_VALUE) {
        throw new InvalidInputException(
            at
                + ".interval: "
                + interval
                + " is not a positive whole number. Use e.g. interval: 1 with unit: HOURS.");
      }
      PeriodicUnit unit = constant(PeriodicUnit.class, required(p, "unit", at), at + ".unit");
      return new PeriodicTrigger((int) interval, unit, pause);
    }
    String at = where + ".file_arrival";
    Map<String, ?> f = map(body.get("file_arrival"), at);
    checkKeys(f, FILE_ARRIVAL_KEYS, at);
    String url = string(required(f, "url", at), at + ".url");
    if (url.isBlank()) {
      throw new InvalidInputException(
          at
              + ".url: is empty. Give a folder or a glob, e.g."
              + " url: data/incoming/ or url: data/incoming/*.csv.");
    }
    return new FileArrivalTrigger(
        url,
        seconds(f, "min_time_between_triggers_seconds", at),
        seconds(f, "wait_after_last_change_seconds", at),
        pause);
  }

  private static ContinuousTrigger continuous(Map<String, ?> body, String where) {
    checkKeys(body, CONTINUOUS_KEYS, where);
    return new ContinuousTrigger(pause(body, where));
  }

  private static PauseStatus pause(Map<String, ?> body, String where) {
    return body.containsKey("pause_status")
        ? constant(PauseStatus.class, body.get("pause_status"), where + ".pause_status")
        : PauseStatus.UNPAUSED;
  }

  private static Duration seconds(Map<String, ?> body, String key, String where) {
    if (!body.containsKey(key)) {
      return Duration.ZERO;
    }
    long value = integer(body.get(key), where + "." + key);
    if (value < 0) {
      throw new InvalidInputException(
          where + "." + key + ": " + value + " is negative. Give a number of seconds, 0 or more.");
    }
    return Duration.ofSeconds(value);
  }

  static ZoneId zone(String id, String where) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      Set<String> ids = new TreeSet<>(ZoneId.getAvailableZoneIds());
      String hint = Strings.didYouMean(id, ids);
      if (hint.isEmpty()) {
        List<String> sameCity =
            ids.stream()
                .filter(z -> z.toLowerCase(Locale.ROOT).endsWith("/" + id.toLowerCase(Locale.ROOT)))
                .limit(3)
                .map(z -> "'" + z + "'")
                .toList();
        hint = sameCity.isEmpty() ? "" : " Did you mean " + String.join(" or ", sameCity) + "?";
      }
      throw new InvalidInputException(
          where
              + ": '"
              + id
              + "' is not a time zone."
              + hint
              + " Use a Java time-zone id such as 'UTC', 'Europe/Berlin' or 'America/New_York'.");
    }
  }

  private static <E extends Enum<E>> E constant(Class<E> type, Object value, String where) {
    String text = string(value, where);
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    if (!names.contains(text)) {
      throw new InvalidInputException(
          where
              + ": '"
              + text
              + "' is not one of "
              + String.join(", ", names)
              + "."
              + Strings.didYouMean(text, names));
    }
    return Enum.valueOf(type, text);
  }

  private static void checkKeys(Map<String, ?> body, Set<String> allowed, String where) {
    for (String key : new TreeSet<>(body.keySet())) {
      if (!allowed.contains(key)) {
        throw new InvalidInputException(
            where
                + ": unknown key '"
                + key
                + "'."
                + Strings.didYouMean(key, allowed)
                + " Known keys: "
                + String.join(", ", new TreeSet<>(allowed))
                + ".");
      }
    }
  }

  private static Object required(Map<String, ?> body, String key, String where) {
    if (!body.containsKey(key) || body.get(key) == null) {
      throw new InvalidInputException(where + ": '" + key + "' is missing.");
    }
    return body.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object value, String where) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, ?>) m;
    }
    throw new InvalidInputException(where + ": expected a mapping, got " + describe(value) + ".");
  }

  private static String string(Object value, String where) {
    if (value instanceof String s) {
      return s;
    }
    throw new InvalidInputException(where + ": expected a string, got " + describe(value) + ".");
  }

  private static long integer(Object value, String where) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    throw new InvalidInputException(
        where + ": expected a whole number, got " + describe(value) + ".");
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : value.getClass().getSimpleName() + " '" + value + "'";
  }
}
