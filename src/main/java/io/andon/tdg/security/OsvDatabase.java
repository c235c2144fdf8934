package io.andon.tdg.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * An offline folder of advisories in the OSV format (the JSON files OSV publishes, one
 * vulnerability a file, e.g. an unpacked {@code Maven/all.zip}, {@code PyPI/all.zip} or {@code
 * crates.io/all.zip}), indexed by ecosystem and package (PyPI names in PEP 503's normal form).
 *
 * <p>A version is affected when it is listed in {@code versions}, or falls in a range of type
 * ECOSYSTEM (the ecosystem's order: Maven's {@link
 * org.apache.maven.artifact.versioning.ComparableVersion}, PEP 440 for PyPI) or SEMVER (Semantic
 * Versioning order), evaluated as the OSV schema describes: events sorted by version, {@code
 * introduced} opens an affected span, {@code fixed} closes it before the fixed version, {@code
 * last_affected} closes it after, and {@code limit} bounds every span. GIT ranges name commits, not
 * versions, and are skipped.
 */
public final class OsvDatabase {
  /** One advisory's part that concerns one package. */
  record Entry(
      String id,
      List<String> aliases,
      String summary,
      Severity severity,
      JsonNode affected,
      String file) {}

  private final Map<String, List<Entry>> byPackage;
  private final int files;

  private OsvDatabase(Map<String, List<Entry>> byPackage, int files) {
    this.byPackage = byPackage;
    this.files = files;
  }

  /** How many advisory files were read. */
  public int size() {
    return files;
  }

  /** Loads every {@code *.json} file under {@code dir}. */
  public static OsvDatabase load(Path dir) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "--advisories "
              + dir
              + ": not a folder. Give a folder of"
              + " OSV JSON files (for Maven, unzip OSV's Maven/all.zip into it).");
    }
    List<Path> paths;
    try (Stream<Path> s = Files.walk(dir)) {
      paths =
          s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new InvalidInputException(
          "--advisories " + dir + ": cannot be listed (" + e.getMessage() + ").", e);
    }
    if (paths.isEmpty()) {
      throw new InvalidInputException(
          "--advisories "
              + dir
              + " holds no .json files. Give a"
              + " folder of OSV JSON files (for Maven, unzip OSV's Maven/all.zip into it).");
    }
    Map<String, List<Entry>> index = new HashMap<>();
    for (Path p : paths) {
      String name = dir.relativize(p).toString();
      JsonNode root = DependencyReaders.json(p, p.toString());
      List<JsonNode> records = new ArrayList<>();
      if (root.isArray()) {
        root.forEach(records::add);
      } else {
        records.add(root);
      }
      for (JsonNode v : records) {
        if (!v.hasNonNull("id") || !v.path("affected").isArray()) {
          throw new InvalidInputException(
              p
                  + ": not an OSV record (it needs 'id' and"
                  + " 'affected'). Remove it from the advisories folder.");
        }
        add(index, v, name);
      }
    }
    return new OsvDatabase(index, paths.size());
  }

  private static void add(Map<String, List<Entry>> index, JsonNode v, String file) {
    String id = v.get("id").asText();
    List<String> aliases = new ArrayList<>();
    v.path("aliases").forEach(a -> aliases.add(a.asText()));
    String summary =
        v.path("summary").asText(v.path("details").asText("")).lines().findFirst().orElse("");
    Severity recordSeverity = severity(v);
    for (JsonNode a : v.path("affected")) {
      JsonNode pkg = a.path("package");
      Optional<Ecosystem> ecosystem = Ecosystem.ofOsv(pkg.path("ecosystem").asText(""));
      if (ecosystem.isEmpty()) {
        continue;
      }
      Severity s = recordSeverity;
      if (s == Severity.UNKNOWN) {
        s = Severity.parse(a.path("ecosystem_specific").path("severity").asText(null));
      }
      if (s == Severity.UNKNOWN) {
        s = cvss(a.path("severity"));
      }
      index
          .computeIfAbsent(key(ecosystem.get(), pkg.path("name").asText()), k -> new ArrayList<>())
          .add(new Entry(id, aliases, summary, s, a, file));
    }
  }

  private static Severity severity(JsonNode v) {
    Severity s = Severity.parse(v.path("database_specific").path("severity").asText(null));
    return s != Severity.UNKNOWN ? s : cvss(v.path("severity"));
  }

  private static Severity cvss(JsonNode severities) {
    for (JsonNode sev : severities) {
      if (sev.path("type").asText("").startsWith("CVSS_V3")) {
        OptionalDouble score = Cvss3.baseScore(sev.path("score").asText(""));
        if (score.isPresent()) {
          return Severity.ofScore(score.getAsDouble());
        }
      }
    }
    return Severity.UNKNOWN;
  }

  /** The advisories affecting each dependency, in dependency order. */
  public List<Finding> match(List<Dependency> dependencies) {
    List<Finding> out = new ArrayList<>();
    for (Dependency d : dependencies) {
      for (Entry e : byPackage.getOrDefault(key(d.ecosystem(), d.name()), List.of())) {
        Affected a = affects(e.affected(), d.version(), d.ecosystem());
        if (a.affected) {
          out.add(
              new Finding(
                  e.id(),
                  e.aliases(),
                  d.name(),
                  d.version(),
                  e.severity(),
                  e.summary(),
                  a.fixedIn,
                  e.file(),
                  d.origin()));
        }
      }
    }
    return out;
  }

  private record Affected(boolean affected, String fixedIn) {}

  private record Event(String kind, String version) {
    boolean isZero() {
      return kind.equals("introduced") && version.equals("0");
    }
  }

  /** The versions advisories list as affected for a package, by advisory id. */
  Map<String, List<String>> affectedVersions(Ecosystem ecosystem, String name) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (Entry e : byPackage.getOrDefault(key(ecosystem, name), List.of())) {
      List<String> vs = out.computeIfAbsent(e.id(), k -> new ArrayList<>());
      e.affected().path("versions").forEach(v -> vs.add(v.asText()));
    }
    return out;
  }

  private static String key(Ecosystem ecosystem, String name) {
    return ecosystem.name() + " " + ecosystem.key(name);
  }

  static Affected affects(JsonNode affected, String version, Ecosystem ecosystem) {
    boolean hit = false;
    for (JsonNode v : affected.path("versions")) {
      hit |= ecosystem.order().compare(v.asText(), version) == 0;
    }
    String fixedIn = "";
    for (JsonNode range : affected.path("ranges")) {
      Comparator<String> order = order(range.path("type").asText(""), ecosystem);
      if (order == null) {
        continue; // GIT ranges name commits
      }
      Affected r = evaluate(sortedEvents(range, order), version, order);
      if (r.affected()) {
        hit = true;
        fixedIn = fixedIn.isEmpty() ? r.fixedIn() : fixedIn;
      }
    }
    return new Affected(hit, hit ? fixedIn : "");
  }

  private static Comparator<String> order(String type, Ecosystem ecosystem) {
    return switch (type.toUpperCase(Locale.ROOT)) {
      case "ECOSYSTEM" -> ecosystem.order();
      case "SEMVER" -> Versions.SEMVER;
      default -> null;
    };
  }

  /** The range's events in version order, {@code introduced: "0"} first. */
  private static List<Event> sortedEvents(JsonNode range, Comparator<String> order) {
    List<Event> events = new ArrayList<>();
    for (JsonNode e : range.path("events")) {
      e.fieldNames().forEachRemaining(k -> events.add(new Event(k, e.get(k).asText())));
    }
    events.sort(
        (x, y) -> {
          if (x.isZero() || y.isZero()) {
            return Boolean.compare(y.isZero(), x.isZero());
          }
          return order.compare(x.version(), y.version());
        });
    return events;
  }

  /** The OSV schema's evaluation of one range, and the fix that ends the span holding it. */
  private static Affected evaluate(List<Event> events, String version, Comparator<String> order) {
    boolean inRange = false;
    boolean limited = false;
    String fixedIn = "";
    for (Event e : events) {
      int c = e.isZero() ? 1 : order.compare(version, e.version());
      switch (e.kind()) {
        case "introduced" -> inRange |= c >= 0;
        case "fixed" -> {
          fixedIn = inRange && c < 0 && fixedIn.isEmpty() ? e.version() : fixedIn;
          inRange &= c < 0;
        }
        case "last_affected" -> inRange &= c <= 0;
        case "limit" -> limited |= c >= 0;
        default -> {}
      }
    }
    boolean affected = inRange && !limited;
    return new Affected(affected, affected ? fixedIn : "");
  }
}
