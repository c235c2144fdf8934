package io.andon.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A job's schedule or trigger in words, for {@code andon validate}: "every day at 06:00 (UTC)",
 * "every 6 hours", "when new files under data/in/*.csv have been quiet for 60 s". A cron that has
 * no simple text form is shown as written.
 */
public final class TriggerText {
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");
  private static final Pattern DAYS = Pattern.compile("[A-Z]{3}([-,][A-Z]{3})*");
  private static final DateTimeFormatter FIRE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

  private TriggerText() {}

  /** The job key {@code trigger} is written under: schedule, trigger or continuous. */
  public static String key(JobTrigger trigger) {
    return trigger instanceof CronSchedule
        ? "schedule"
        : trigger instanceof ContinuousTrigger ? "continuous" : "trigger";
  }

  /** What {@code trigger} does, in one line, with "PAUSED" first when it does not fire. */
  public static String describe(JobTrigger trigger) {
    return key(trigger)
        + ": "
        + what(trigger)
        + (trigger.pauseStatus().fires() ? "" : "; PAUSED, so it does not fire");
  }

  /** What {@code trigger} does, in words, whatever its pause status: "every day at 06:00 (UTC)". */
  public static String what(JobTrigger trigger) {
    String what;
    if (trigger instanceof CronSchedule c) {
      what = cron(c.cron()).orElse("cron '" + c.cron().text() + "'") + " (" + c.cron().zone() + ")";
    } else if (trigger instanceof PeriodicTrigger p) {
      String unit = p.unit().name().toLowerCase(Locale.ROOT);
      what =
          "every "
              + (p.interval() == 1
                  ? unit.substring(0, unit.length() - 1)
                  : p.interval() + " " + unit);
    } else if (trigger instanceof FileArrivalTrigger f) {
      what =
          "when new files under "
              + f.url()
              + " have been quiet for "
              + seconds(f.waitAfterLastChange())
              + ", at most every "
              + seconds(f.minTimeBetweenTriggers());
    } else {
      what = "a new run as soon as the last one ends";
    }
    return what;
  }

  /**
   * The next time a cron schedule fires after {@code now}, as text in its time zone; empty for
   * other triggers (their next fire depends on the service's state) and a cron that never fires
   * again.
   */
  public static Optional<String> nextFire(JobTrigger trigger, Instant now) {
    if (!(trigger instanceof CronSchedule c) || !trigger.pauseStatus().fires()) {
      return Optional.empty();
    }
    return c.firstFireAtOrAfter(now).map(t -> FIRE.format(t.atZone(c.cron().zone())));
  }

  /** The cron in words when it fires once a day (every day, on some weekdays, or a month day). */
  static Optional<String> cron(QuartzCron cron) {
    List<String> f = List.of(cron.text().split(" "));
    if (f.size() != 6
        || !f.get(0).equals("0")
        || !NUMBER.matcher(f.get(1)).matches()
        || !NUMBER.matcher(f.get(2)).matches()
        || !f.get(4).equals("*")) {
      return Optional.empty();
    }
    String at =
        String.format(
            Locale.ROOT, "at %02d:%02d", Integer.parseInt(f.get(2)), Integer.parseInt(f.get(1)));
    String dom = f.get(3);
    String dow = f.get(5);
    boolean anyDom = dom.equals("*") || dom.equals("?");
    if (anyDom && (dow.equals("?") || dow.equals("*"))) {
      return Optional.of("every day " + at);
    }
    if (anyDom && DAYS.matcher(dow).matches()) {
      return Optional.of("every " + dow + " " + at);
    }
    if (dow.equals("?") && NUMBER.matcher(dom).matches()) {
      return Optional.of("on day " + dom + " of every month " + at);
    }
    if (dow.equals("?") && dom.equals("L")) {
      return Optional.of("on the last day of every month " + at);
    }
    return Optional.empty();
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }
}
