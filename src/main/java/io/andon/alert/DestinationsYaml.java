package io.andon.alert;

import io.andon.error.InvalidInputException;
import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads destinations from YAML: a {@code destinations:} mapping of id to destination, or a shared
 * destinations file named by a {@code destinations: path.yml} string. Every problem is reported
 * with file:line:column, including unset secret variables.
 */
public final class DestinationsYaml {
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final List<String> COMMON =
      List.of("type", "timeout_seconds", "retry_schedule_seconds");
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "webhook", List.of("url", "url_env", "secret_env", "signature"),
          "slack", List.of("url", "url_env"),
          "email", List.of("to", "smtp"),
          "file", List.of("path"));

  private DestinationsYaml() {}

  /** Reads a shared destinations file: a mapping with a {@code destinations:} key. */
  public static Destinations read(Path file, Env env) {
    Objects.requireNonNull(file, "file");
    Problems problems = new Problems();
    YNode root = YamlReader.read(file);
    Destinations d = Destinations.none();
    if (root instanceof YMap m) {
      problems.unknownKeys(m, List.of("destinations"), "a destinations file");
      Optional<YNode> node = m.get("destinations");
      if (node.isEmpty()) {
        problems.add(
            m.loc(),
            "a destinations file needs a 'destinations:' mapping of id to" + " destination.");
      } else {
        d = parseMap(node.get(), parent(file), env, problems);
      }
    } else {
      problems.add(root.loc(), "a destinations file must be a mapping with a 'destinations:' key.");
    }
    problems.throwIfAny(file + " has invalid destinations");
    return d;
  }

  /**
   * Parses the value of a {@code destinations:} key: a mapping of id to destination, or the path
   * (relative to {@code baseDir}) of a shared destinations file.
   */
  public static Destinations parse(YNode node, Path baseDir, Env env, Problems problems) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(baseDir, "baseDir");
    if (node instanceof YScalar s && s.type() == YScalar.Type.STRING) {
      Path file = baseDir.resolve(s.text().strip());
      try {
        return read(file, env);
      } catch (InvalidInputException e) {
        problems.add(
            s.loc(), "the destinations file " + file + " cannot be used: " + e.getMessage());
        return Destinations.none();
      }
    }
    return parseMap(node, baseDir, env, problems);
  }

  private static Path parent(Path file) {
    Path p = file.toAbsolutePath().getParent();
    return p == null ? Path.of("") : p;
  }

  private static Destinations parseMap(YNode node, Path baseDir, Env env, Problems problems) {
    Map<String, Destination> out = new LinkedHashMap<>();
    Set<String> invalid = new HashSet<>();
    Optional<YMap> map = problems.map(node, "'destinations'");
    if (map.isEmpty()) {
      return Destinations.none();
    }
    for (YMap.Entry e : map.get().values()) {
      if (!Destinations.ID.matcher(e.key()).matches()) {
        problems.add(
            e.keyLoc(),
            "destination id '"
                + e.key()
                + "' may only hold letters, digits,"
                + " '_', '.' and '-'.");
        continue;
      }
      Optional<Destination> d = parseOne(e.key(), e.value(), baseDir, env, problems);
      if (d.isPresent()) {
        out.put(e.key(), d.get());
      } else {
        invalid.add(e.key());
      }
    }
    return new Destinations(out, invalid);
  }

  /** The destination, or empty when its problems (added to {@code problems}) make it unusable. */
  private static Optional<Destination> parseOne(
      String id, YNode node, Path baseDir, Env env, Problems problems) {
    String where = "destination '" + id + "'";
    Optional<YMap> om = problems.map(node, where);
    if (om.isEmpty()) {
      return Optional.empty();
    }
    YMap m = om.get();
    Optional<String> type = problems.requiredString(m, "type", where);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    String t = type.get().strip();
    if (!Destinations.TYPES.contains(t)) {
      problems.add(
          valueLoc(m, "type"),
          "unknown destination type '"
              + t
              + "' in "
              + where
              + "; use one of "
              + String.join(", ", Destinations.TYPES)
              + "."
              + Strings.didYouMean(t, Destinations.TYPES));
      return Optional.empty();
    }
    for (String forbidden : List.of("secret", "password", "token")) {
      if (m.has(forbidden)) {
        problems.add(
            m.keyLoc(forbidden),
            "secrets are never written in YAML: put the value in an"
                + " environment variable and name it with '"
                + (t.equals("email")
                    ? "smtp: {password_env: NAME}"
                    : t.equals("webhook") ? "secret_env" : "url_env")
                + "'.");
      }
    }
    List<String> allowed = new ArrayList<>(COMMON);
    allowed.addAll(KEYS.get(t));
    problems.unknownKeys(withoutForbidden(m), allowed, where + " (type " + t + ")");
    Destination.Delivery delivery = delivery(m, problems);
    return switch (t) {
      case "webhook" -> WebhookYaml.webhook(id, m, where, env, problems, delivery);
      case "slack" ->
          WebhookYaml.urlRef(m, where, env, problems)
              .<Destination>map(url -> new Destination.Slack(id, url, delivery));
      case "email" -> EmailYaml.email(id, m, where, env, problems, delivery);
      case "file" ->
          problems
              .requiredString(m, "path", where)
              .<Destination>map(
                  p ->
                      new Destination.File(
                          id, baseDir.resolve(p.strip()).toAbsolutePath().normalize(), delivery));
      default -> throw new IllegalStateException(t);
    };
  }

  private static YMap withoutForbidden(YMap m) {
    Map<String, YMap.Entry> kept = new LinkedHashMap<>(m.entries());
    kept.keySet().removeAll(List.of("secret", "password", "token"));
    return new YMap(m.loc(), kept);
  }

  static Optional<String> envName(YMap m, String key, Problems problems) {
    Optional<String> name = problems.string(m, key).map(String::strip);
    if (name.isPresent() && !ENV_NAME.matcher(name.get()).matches()) {
      problems.add(
          valueLoc(m, key),
          "'"
              + key
              + "' must name an environment variable (letters,"
              + " digits and '_'), not '"
              + name.get()
              + "'. Write the variable's name, not its value.");
      return Optional.empty();
    }
    return name;
  }

  private static Destination.Delivery delivery(YMap m, Problems problems) {
    Duration timeout = Destination.Delivery.DEFAULT_TIMEOUT;
    OptionalDouble t = problems.number(m, "timeout_seconds");
    if (t.isPresent()) {
      if (!(t.getAsDouble() > 0) || t.getAsDouble() > 600) {
        problems.add(
            valueLoc(m, "timeout_seconds"),
            "'timeout_seconds' must be more than 0 and" + " at most 600.");
      } else {
        timeout = Duration.ofMillis(Math.round(t.getAsDouble() * 1000));
      }
    }
    RetrySchedule schedule = RetrySchedule.STANDARD_WEBHOOKS;
    if (m.has("retry_schedule_seconds")) {
      List<Duration> delays = new ArrayList<>();
      boolean ok = true;
      for (YNode n : problems.list(m, "retry_schedule_seconds")) {
        double v =
            n instanceof YScalar s
                    && (s.type() == YScalar.Type.INT || s.type() == YScalar.Type.FLOAT)
                ? Double.parseDouble(s.text())
                : Double.NaN;
        if (!(v >= 0) || Double.isInfinite(v)) {
          problems.add(n.loc(), "each retry delay must be a number of seconds, 0 or more.");
          ok = false;
        } else {
          delays.add(Duration.ofMillis(Math.round(v * 1000)));
        }
      }
      if (ok && delays.isEmpty()) {
        problems.add(
            valueLoc(m, "retry_schedule_seconds"),
            "'retry_schedule_seconds' needs at" + " least one delay (0 for the first attempt).");
      } else if (ok) {
        schedule = new RetrySchedule(delays);
      }
    }
    return new Destination.Delivery(schedule, timeout);
  }

  static Loc valueLoc(YMap m, String key) {
    return m.get(key).map(YNode::loc).orElse(m.loc());
  }
}
