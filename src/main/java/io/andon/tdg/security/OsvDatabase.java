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
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * An offline folder of advisories in the OSV format (the JSON files OSV publishes, one
 * vulnerability a file, e.g. an unpacked {@code Maven/all.zip}), indexed by Maven package.
 *
 * <p>A version is affected when it is listed in {@code versions}, or falls in a range of type
 * ECOSYSTEM (Maven order, {@link org.apache.maven.artifact.versioning.ComparableVersion}) or
 * SEMVER (Semantic Versioning order), evaluated as the OSV schema describes: events sorted by
 * version, {@code introduced} opens an affected span, {@code fixed} closes it before the fixed
 * version, {@code last_affected} closes it after, and {@code limit} bounds every span. GIT ranges
 * name commits, not versions, and are skipped.
 */
public final class OsvDatabase {
  /** One advisory's part that concerns one package. */
  record Entry(
      String id, List<String> aliases, String summary, Severity severity, JsonNode affected,
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
      throw new InvalidInputException("--advisories " + dir + ": not a folder. Give a folder of"
          + " OSV JSON files (for Maven, unzip OSV's Maven/all.zip into it).");
    }
    List<Path> paths;
    try (Stream<Path> s = Files.walk(dir)) {
      paths = s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidInputException("--advisories " + dir + ": cannot be listed ("
          + e.getMessage() + ").", e);
    }
    if (paths.isEmpty()) {
      throw new InvalidInputException("--advisories " + dir + " holds no .json files. Give a"
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
          throw new InvalidInputException(p + ": not an OSV record (it needs 'id' and"
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
    String summary = v.path("summary").asText(v.path("details").asText("")).lines().findFirst()
        .orElse("");
    Severity recordSeverity = severity(v);
    for (JsonNode a : v.path("affected")) {
      JsonNode pkg = a.path("package");
      if (!pkg.path("ecosystem").asText("").equalsIgnoreCase("Maven")) {
        continue;
      }
      Severity s = recordSeverity;
      if (s == Severity.UNKNOWN) {
        s = Severity.parse(a.path("ecosystem_specific").path("severity").asText(null));
      }
      if (s == Severity.UNKNOWN) {
        s = cvss(a.path("severity"));
      }
      index.computeIfAbsent(pkg.path("name").asText(), k -> new ArrayList<>())
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
      for (Entry e : byPackage.getOrDefault(d.name(), List.of())) {
        Affected a = affects(e.affected(), d.version());
        if (a.affected) {
          out.add(new Finding(e.id(), e.aliases(), d.name(), d.version(), e.severity(),
              e.summary(), a.fixedIn, e.file()));
        }
      }
    }
    return out;
  }

  private record Affected(boolean affected, String fixedIn) {}

  private record Event(String kind, String version) {}

  static Affected affects(JsonNode affected, String version) {
    String fixedIn = "";
    boolean hit = false;
    for (JsonNode v : affected.path("versions")) {
      if (v.asText().equals(version)) {
        hit = true;
      }
    }
    for (JsonNode range : affected.path("ranges")) {
      String type = range.path("type").asText("").toUpperCase(Locale.ROOT);
      Comparator<String> order = switch (type) {
        case "ECOSYSTEM" -> Versions.MAVEN;
        case "SEMVER" -> Versions.SEMVER;
        default -> null;
      };
      if (order == null) {
        continue;
      }
      List<Event> events = new ArrayList<>();
      for (JsonNode e : range.path("events")) {
        e.fieldNames().forEachRemaining(k -> events.add(new Event(k, e.get(k).asText())));
      }
      Comparator<Event> byVersion = (x, y) -> {
        boolean zx = x.kind.equals("introduced") && x.version.equals("0");
        boolean zy = y.kind.equals("introduced") && y.version.equals("0");
        if (zx || zy) {
          return zx == zy ? 0 : (zx ? -1 : 1);
        }
        return order.compare(x.version, y.version);
      };
      events.sort(byVersion);
      boolean inRange = false;
      boolean limited = false;
      for (Event e : events) {
        boolean zero = e.version.equals("0");
        int c = zero ? 1 : order.compare(version, e.version);
        switch (e.kind) {
          case "introduced" -> {
            if (zero || c >= 0) {
              inRange = true;
            }
          }
          case "fixed" -> {
            if (c >= 0) {
              inRange = false;
            } else if (inRange && fixedIn.isEmpty()) {
              fixedIn = e.version;
            }
          }
          case "last_affected" -> {
            if (c > 0) {
              inRange = false;
            }
          }
          case "limit" -> {
            if (c >= 0) {
              limited = true;
            }
          }
          default -> { }
        }
      }
      if (inRange && !limited) {
        hit = true;
      }
    }
    return new Affected(hit, hit ? fixedIn : "");
  }
}
