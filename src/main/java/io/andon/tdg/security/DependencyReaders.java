package io.andon.tdg.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the project's Maven dependencies: declared ones from pom.xml (versions resolved through the
 * pom's own properties and dependencyManagement), resolved ones from the output of {@code mvn
 * dependency:list -DoutputFile=...} or from a CycloneDX JSON SBOM. Test-scoped dependencies are
 * left out: they do not ship.
 */
public final class DependencyReaders {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern LIST_LINE =
      Pattern.compile(
          "^\\s*([\\w.\\-]+):([\\w.\\-]+):[\\w.\\-]+(?::[\\w.\\-]+)?:([^:\\s]+):(\\w+)");

  private DependencyReaders() {}

  /** What a pom declares: the dependencies whose version it could resolve, and the others. */
  public record PomDependencies(List<Dependency> resolved, List<String> unresolved) {
    public PomDependencies {
      resolved = List.copyOf(resolved);
      unresolved = List.copyOf(unresolved);
    }
  }

  /** The dependencies declared in a pom.xml; {@code name} is used in origins. */
  public static PomDependencies pom(Path pom, String name) {
    Objects.requireNonNull(pom, "pom");
    XmlTree project = XmlTree.read(pom);
    if (!project.name().equals("project")) {
      throw new InvalidInputException(
          name + ": root element <" + project.name() + "> is not a" + " Maven <project>.");
    }
    Map<String, String> props = new HashMap<>();
    project
        .child("properties")
        .ifPresent(p -> p.children().forEach(c -> props.put(c.name(), c.text().strip())));
    String parentVersion = project.child("parent").map(p -> p.childText("version")).orElse("");
    String version =
        project.childText("version").isEmpty() ? parentVersion : project.childText("version");
    props.put("project.version", version);
    props.put("pom.version", version);
    props.put("project.parent.version", parentVersion);
    String groupId =
        project.childText("groupId").isEmpty()
            ? project.child("parent").map(p -> p.childText("groupId")).orElse("")
            : project.childText("groupId");
    props.put("project.groupId", groupId);
    Map<String, String> managed = new HashMap<>();
    project
        .child("dependencyManagement")
        .flatMap(dm -> dm.child("dependencies"))
        .ifPresent(
            ds ->
                ds.all("dependency")
                    .forEach(
                        d ->
                            managed.put(
                                resolve(d.childText("groupId"), props)
                                    + ":"
                                    + resolve(d.childText("artifactId"), props),
                                resolve(d.childText("version"), props))));
    List<Dependency> resolved = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    project
        .child("dependencies")
        .ifPresent(
            ds ->
                ds.all("dependency")
                    .forEach(
                        d -> {
                          if (d.childText("scope").equals("test")) {
                            return;
                          }
                          String g = resolve(d.childText("groupId"), props);
                          String a = resolve(d.childText("artifactId"), props);
                          String v = resolve(d.childText("version"), props);
                          if (v.isEmpty()) {
                            v = managed.getOrDefault(g + ":" + a, "");
                          }
                          if (v.isEmpty()
                              || v.contains("${")
                              || v.startsWith("[")
                              || v.startsWith("(")) {
                            unresolved.add(g + ":" + a + " (" + name + ":" + d.line() + ")");
                          } else {
                            resolved.add(Dependency.maven(g, a, v, name + ":" + d.line()));
                          }
                        }));
    return new PomDependencies(resolved, unresolved);
  }

  private static String resolve(String value, Map<String, String> props) {
    String v = value;
    for (int i = 0; i < 10 && v.contains("${"); i++) {
      Matcher m = PROPERTY.matcher(v);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String r = props.get(m.group(1));
        m.appendReplacement(sb, Matcher.quoteReplacement(r == null ? m.group() : r));
      }
      m.appendTail(sb);
      if (sb.toString().equals(v)) {
        break;
      }
      v = sb.toString();
    }
    return v;
  }

  /**
   * Output of {@code mvn dependency:list -DoutputFile=FILE}: one group:artifact:type:version:scope
   * a line.
   */
  public static List<Dependency> dependencyList(Path file, String name) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ").", e);
    }
    List<Dependency> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LIST_LINE.matcher(lines.get(i));
      if (m.find() && !m.group(4).equals("test")) {
        out.add(Dependency.maven(m.group(1), m.group(2), m.group(3), name + ":" + (i + 1)));
      }
    }
    return out;
  }

  /** Maven components of a CycloneDX JSON document (nested components included). */
  public static List<Dependency> cycloneDx(JsonNode bom, String name) {
    Map<String, Dependency> out = new LinkedHashMap<>();
    collect(bom.path("components"), name, out);
    return List.copyOf(out.values());
  }

  private static void collect(JsonNode components, String name, Map<String, Dependency> out) {
    for (JsonNode c : components) {
      purlOrFields(c, name).ifPresent(d -> out.putIfAbsent(d.toString(), d));
      collect(c.path("components"), name, out);
    }
  }

  static java.util.Optional<Dependency> purlOrFields(JsonNode c, String name) {
    if (c.path("scope").asText("").equals("excluded")) {
      return java.util.Optional.empty();
    }
    String purl = c.path("purl").asText("");
    if (purl.startsWith("pkg:maven/")) {
      return purl(purl, name);
    }
    if (!purl.isEmpty()) {
      return java.util.Optional.empty(); // another ecosystem
    }
    String g = c.path("group").asText("");
    String a = c.path("name").asText("");
    String v = c.path("version").asText("");
    if (g.isEmpty() || a.isEmpty() || v.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Dependency.maven(g, a, v, name));
  }

  /** Parses {@code pkg:maven/group/artifact@version?qualifiers}. */
  static java.util.Optional<Dependency> purl(String purl, String name) {
    String s = purl.substring("pkg:maven/".length());
    int q = s.indexOf('?');
    if (q >= 0) {
      s = s.substring(0, q);
    }
    int hash = s.indexOf('#');
    if (hash >= 0) {
      s = s.substring(0, hash);
    }
    int at = s.lastIndexOf('@');
    int slash = s.indexOf('/');
    if (at < 0 || slash < 0 || slash > at) {
      return java.util.Optional.empty();
    }
    String g = URLDecoder.decode(s.substring(0, slash), StandardCharsets.UTF_8);
    String a = URLDecoder.decode(s.substring(slash + 1, at), StandardCharsets.UTF_8);
    String v = URLDecoder.decode(s.substring(at + 1), StandardCharsets.UTF_8);
    return java.util.Optional.of(Dependency.maven(g, a, v, name));
  }

  /** Reads a JSON file, with a clear error when it is not JSON. */
  static JsonNode json(Path file, String name) {
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new InvalidInputException(
          name + where + ": malformed JSON (" + e.getOriginalMessage() + ").", e);
    } catch (IOException e) {
      throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ").", e);
    }
  }
}
