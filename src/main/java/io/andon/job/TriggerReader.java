package io.andon.job;

import io.andon.error.InvalidInputException;
import io.andon.schedule.FileArrivalTrigger;
import io.andon.schedule.FolderLister;
import io.andon.schedule.JobTrigger;
import io.andon.schedule.TriggerParser;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what starts a job by itself, its {@code schedule}, {@code trigger} or {@code continuous},
 * with {@link TriggerParser}, and reports a problem with it (a malformed cron, an unknown time zone
 * or pause status, an unknown key, a file_arrival url whose folder does not exist) at the line and
 * column of the value at fault.
 */
final class TriggerReader {
  /** The job keys a trigger is read from. */
  static final Set<String> KEYS = Set.of("schedule", "trigger", "continuous");

  /** How {@link TriggerParser} names the job in its messages; replaced by a position here. */
  private static final String WHERE = "the job";

  private final Problems p;
  private final Path base;

  /** Relative file_arrival urls start from {@code base}, the folder of the job file. */
  TriggerReader(Problems problems, Path base) {
    this.p = problems;
    this.base = base;
  }

  /** The trigger of job mapping {@code m}; empty when it has none or it has a problem. */
  Optional<JobTrigger> read(YMap m) {
    if (KEYS.stream().noneMatch(m::has)) {
      return Optional.empty();
    }
    Map<String, Object> plain = new LinkedHashMap<>();
    for (String key : KEYS) {
      m.get(key).ifPresent(v -> plain.put(key, plain(v)));
    }
    try {
      Optional<JobTrigger> trigger = TriggerParser.parse(plain, WHERE);
      if (trigger.orElse(null) instanceof FileArrivalTrigger f) {
        new FolderLister(base).requireFolder(f.url());
      }
      return trigger;
    } catch (InvalidInputException e) {
      // "the job: schedule.timezone_id: ..." -> "schedule.timezone_id: ...", "the job has ..."
      String message =
          e.getMessage()
              .replaceFirst("^" + WHERE + ": (?=has )", WHERE + " ")
              .replaceFirst("^" + WHERE + ": ", "");
      p.add(locate(m, message), message);
      return Optional.empty();
    }
  }

  /**
   * Where the value that {@code message} is about stands: its dotted path up to the first {@code ":
   * "} ({@code schedule.timezone_id}), then the key the rest starts with or names as unknown; the
   * job's first trigger key when the message names no path.
   */
  private static Loc locate(YMap job, String message) {
    int colon = message.indexOf(": ");
    String head = colon < 0 ? message : message.substring(0, colon);
    String rest = colon < 0 ? "" : message.substring(colon + 2);
    if (head.startsWith("file_arrival url '")) {
      head = "trigger.file_arrival.url";
    }
    List<String> path = new ArrayList<>(List.of(head.split("\\.")));
    if (!KEYS.contains(path.get(0))) {
      String first = job.keys().stream().filter(KEYS::contains).findFirst().orElseThrow();
      return job.keyLoc(first);
    }
    YNode node = job;
    Loc at = job.keyLoc(path.get(0));
    for (String key : path) {
      if (!(node instanceof YMap map) || !map.has(key)) {
        return at;
      }
      at = map.keyLoc(key);
      node = map.get(key).orElseThrow();
    }
    if (node instanceof YMap map) {
      for (String key : map.keys()) {
        if (rest.startsWith("unknown key '" + key + "'")) {
          return map.keyLoc(key);
        }
        if (rest.startsWith(key + " ")) {
          return map.get(key).orElseThrow().loc();
        }
      }
      return at;
    }
    return node.loc();
  }

  /** A YAML value as the plain Java values {@link TriggerParser} reads. */
  private static Object plain(YNode n) {
    if (n instanceof YMap m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.values().forEach(e -> out.put(e.key(), plain(e.value())));
      return out;
    }
    if (n instanceof YList l) {
      return l.items().stream().map(TriggerReader::plain).toList();
    }
    YScalar s = (YScalar) n;
    return switch (s.type()) {
      case NULL -> null;
      case BOOL -> Boolean.parseBoolean(s.text());
      case INT -> integer(s.text());
      case FLOAT -> Double.parseDouble(s.text());
      case STRING -> s.text();
    };
  }

  /** A long when it fits; else the text, which the parser refuses as not a whole number. */
  private static Object integer(String text) {
    try {
      return new BigInteger(text).longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      return text;
    }
  }
}
