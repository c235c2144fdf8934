package io.andon.alert;

import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An alerts file: {@code destinations:} (a mapping or the path of a shared destinations file) and
 * {@code alerts:}, a list of {@link AlertRule}s. Validated as a whole, every problem with
 * file:line:column.
 */
public record AlertsFile(Path file, Destinations destinations, List<AlertRule> alerts) {
  private static final List<String> ALERT_KEYS =
      List.of(
          "name",
          "description",
          "query",
          "metric",
          "condition",
          "empty_result_state",
          "retrigger_seconds",
          "notify_on_ok",
          "notify",
          "timeout_seconds");

  public AlertsFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(destinations, "destinations");
    alerts = List.copyOf(alerts);
  }

  public Optional<AlertRule> alert(String name) {
    return alerts.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Reads and validates {@code file}; throws an InvalidInputException listing every problem. */
  public static AlertsFile read(Path file, Env env) {
    Problems problems = new Problems();
    AlertsFile f = parse(file, YamlReader.read(file), env, problems);
    problems.throwIfAny(file + " has invalid alerts");
    return f;
  }

  /** Parses an already-read tree, adding problems. */
  public static AlertsFile parse(Path file, YNode root, Env env, Problems problems) {
    Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of(""));
    Optional<YMap> m = problems.map(root, "an alerts file");
    if (m.isEmpty()) {
      return new AlertsFile(file, Destinations.none(), List.of());
    }
    problems.unknownKeys(m.get(), List.of("destinations", "alerts"), "an alerts file");
    Destinations destinations =
        m.get()
            .get("destinations")
            .filter(n -> !(n instanceof YScalar s && s.isNull()))
            .map(n -> DestinationsYaml.parse(n, dir, env, problems))
            .orElse(Destinations.none());
    List<AlertRule> alerts = new ArrayList<>();
    Map<String, YNode> seen = new LinkedHashMap<>();
    if (!m.get().has("alerts")) {
      problems.add(m.get().loc(), "an alerts file needs 'alerts:', a list of alerts.");
    }
    for (YNode n : problems.list(m.get(), "alerts")) {
      if (n instanceof YMap am && am.get("name").orElse(null) instanceof YScalar s && !s.isNull()) {
        YNode first = seen.putIfAbsent(s.text().strip(), n);
        if (first != null) {
          problems.add(
              n.loc(),
              "alert name '"
                  + s.text().strip()
                  + "' is used twice (first at"
                  + " line "
                  + first.loc().line()
                  + "); names must be unique, andon keeps each"
                  + " alert's state by name.");
          continue;
        }
      }
      alert(n, destinations, problems).ifPresent(alerts::add);
    }
    return new AlertsFile(file, destinations, alerts);
  }

  private static Optional<AlertRule> alert(
      YNode node, Destinations destinations, Problems problems) {
    Optional<YMap> om = problems.map(node, "an alert");
    if (om.isEmpty()) {
      return Optional.empty();
    }
    YMap m = om.get();
    Optional<String> name = problems.requiredString(m, "name", "an alert");
    String where = "alert '" + name.orElse("?") + "'";
    problems.unknownKeys(m, ALERT_KEYS, where);
    name.ifPresent(
        n -> {
          if (!Destinations.ID.matcher(n).matches()) {
            problems.add(
                DestinationsYaml.valueLoc(m, "name"),
                "alert name '" + n + "' may only hold" + " letters, digits, '_', '.' and '-'.");
          }
        });
    boolean hasQuery = m.has("query");
    boolean hasMetric = m.has("metric");
    Optional<AlertRule.Source> source = Optional.empty();
    if (hasQuery == hasMetric) {
      problems.add(
          m.loc(),
          where
              + " needs exactly one of 'query' (a SELECT over the andon"
              + " store) and 'metric' ({table, column, where, latest_by}).");
    } else if (hasQuery) {
      Optional<String> sql = problems.string(m, "query").map(String::strip);
      if (sql.isPresent()) {
        String first = sql.get().split("\\s+", 2)[0].toUpperCase();
        if (!first.equals("SELECT") && !first.equals("WITH")) {
          problems.add(
              DestinationsYaml.valueLoc(m, "query"),
              "the query of "
                  + where
                  + " must be a"
                  + " SELECT (or WITH ... SELECT); alerts only read the store.");
        } else {
          source = Optional.of(new AlertRule.Query(sql.get()));
        }
      }
    } else {
      source = AlertRuleParts.metric(m, where, problems);
    }
    Optional<AlertRule.Condition> condition = AlertRuleParts.condition(m, where, source, problems);
    AlertRule.State empty = AlertRule.State.OK;
    Optional<String> e = problems.string(m, "empty_result_state");
    if (e.isPresent()) {
      List<String> allowed = List.of("OK", "TRIGGERED", "ERROR");
      if (allowed.contains(e.get().strip().toUpperCase())) {
        empty = AlertRule.State.valueOf(e.get().strip().toUpperCase());
      } else {
        problems.add(
            DestinationsYaml.valueLoc(m, "empty_result_state"),
            "'empty_result_state' must" + " be OK, TRIGGERED or ERROR, not '" + e.get() + "'.");
      }
    }
    OptionalLong retrigger = problems.integer(m, "retrigger_seconds");
    if (retrigger.isPresent() && retrigger.getAsLong() < 0) {
      problems.add(
          DestinationsYaml.valueLoc(m, "retrigger_seconds"),
          "'retrigger_seconds' must"
              + " be 0 (notify once while triggered) or a positive number of seconds.");
    }
    OptionalLong timeout = problems.integer(m, "timeout_seconds");
    if (timeout.isPresent() && (timeout.getAsLong() < 1 || timeout.getAsLong() > 3600)) {
      problems.add(
          DestinationsYaml.valueLoc(m, "timeout_seconds"),
          "'timeout_seconds' must be" + " between 1 and 3600.");
    }
    boolean notifyOnOk = problems.bool(m, "notify_on_ok").orElse(false);
    List<Destination> targets = new ArrayList<>();
    for (YNode item : problems.list(m, "notify")) {
      if (!(item instanceof YMap im)) {
        problems.add(
            item.loc(),
            "each entry of 'notify' is a mapping {id: DESTINATION_ID}."
                + (item instanceof YScalar s ? " Write {id: " + s.text() + "}." : ""));
        continue;
      }
      problems.unknownKeys(im, List.of("id"), "an entry of 'notify'");
      problems
          .requiredString(im, "id", "an entry of 'notify'")
          .ifPresent(
              id -> {
                Optional<Destination> d = destinations.get(id.strip());
                if (d.isEmpty() && destinations.isInvalid(id.strip())) {
                  return; // its declaration's problems are reported already
                }
                if (d.isEmpty()) {
                  problems.add(
                      DestinationsYaml.valueLoc(im, "id"),
                      "unknown destination id '"
                          + id
                          + "'; "
                          + (destinations.declared().isEmpty()
                              ? "declare it under 'destinations:'."
                              : "declared ids: "
                                  + String.join(", ", destinations.declared())
                                  + "."
                                  + Strings.didYouMean(id, destinations.declared())));
                } else {
                  targets.add(d.get());
                }
              });
    }
    if (name.isEmpty() || source.isEmpty() || condition.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AlertRule(
            name.get(),
            problems.string(m, "description"),
            source.get(),
            condition.get(),
            empty,
            Math.max(0, retrigger.orElse(0)),
            notifyOnOk,
            targets,
            (int) Math.min(3600, Math.max(1, timeout.orElse(30)))));
  }
}
