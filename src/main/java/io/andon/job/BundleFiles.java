package io.andon.job;

import io.andon.error.InvalidInputException;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A bundle's main file with the files its {@code include} patterns name, as one: their jobs,
 * variables and targets side by side. Patterns are globs relative to the main file's folder ({@code
 * resources/*.yml}, {@code ../shared/*.yml}; only absolute paths are refused, as by the Databricks
 * CLI); a pattern that matches nothing adds nothing. A target declared in several files is one
 * target, merged as {@link TargetOverrides} joins settings; a job or variable declared twice is a
 * problem.
 */
final class BundleFiles {
  /** What the notice about resources other than jobs says before naming them. */
  static final String OTHER_RESOURCES =
      "resources other than jobs, which andon does not run or" + " deploy";

  /** How deep a {@code **} pattern looks below the folder it starts from. */
  private static final int MAX_DEPTH = 16;

  /**
   * The merged bundle.
   *
   * @param root the main file's mapping with every included job, variable and target in it
   * @param jobs the jobs of all the files, as {@code root}'s resources.jobs
   * @param jobFiles for each job key, the file that holds it
   * @param texts each included file's text, by absolute path, as read
   */
  record Merged(YMap root, YMap jobs, Map<String, Path> jobFiles, Map<String, String> texts) {}

  private BundleFiles() {}

  /**
   * Merges {@code root}, read from {@code file}, with its included files: those of {@code stored}
   * when given (what a run read), else the files the patterns match now.
   */
  static Merged merge(Path file, YMap root, Optional<Map<String, String>> stored, Problems p) {
    Map<String, String> texts = stored.isPresent() ? stored.get() : find(file, root, p);
    Map<String, Path> jobFiles = new LinkedHashMap<>();
    Map<String, Loc> where = new HashMap<>();
    Map<String, LinkedHashMap<String, YMap.Entry>> sections = new LinkedHashMap<>();
    for (String s : List.of("jobs", "variables", "targets")) {
      sections.put(s, new LinkedHashMap<>());
    }
    add(file, root, true, jobFiles, where, sections, p);
    for (Map.Entry<String, String> e : texts.entrySet()) {
      Path included = Path.of(e.getKey());
      // named as the main file is: relative to where it was given from
      Path rel = file.toAbsolutePath().normalize().getParent().relativize(included);
      String name = (file.getParent() == null ? rel : file.getParent().resolve(rel)).toString();
      YNode n = YamlReader.parse(name, e.getValue());
      if (n instanceof YMap m) {
        add(included, m, false, jobFiles, where, sections, p);
      } else {
        p.add(
            n.loc(),
            "an included bundle file must be a mapping (resources, variables,"
                + " targets, ...), not "
                + n.kind()
                + ".");
      }
    }
    LinkedHashMap<String, YMap.Entry> top = new LinkedHashMap<>(root.entries());
    LinkedHashMap<String, YMap.Entry> resources = new LinkedHashMap<>();
    root.get("resources")
        .filter(r -> r instanceof YMap)
        .ifPresent(r -> resources.putAll(((YMap) r).entries()));
    Loc resourcesLoc = root.get("resources").map(YNode::loc).orElse(root.loc());
    Loc jobsLoc =
        root.get("resources").orElse(null) instanceof YMap r ? r.keyLoc("jobs") : resourcesLoc;
    YMap jobs = new YMap(resourcesLoc, sections.get("jobs"));
    resources.put("jobs", new YMap.Entry("jobs", jobsLoc, jobs));
    top.put(
        "resources",
        new YMap.Entry("resources", root.keyLoc("resources"), new YMap(resourcesLoc, resources)));
    for (String s : List.of("variables", "targets")) {
      if (!sections.get(s).isEmpty()) {
        top.put(
            s,
            new YMap.Entry(
                s,
                root.keyLoc(s),
                new YMap(root.get(s).map(YNode::loc).orElse(root.loc()), sections.get(s))));
      }
    }
    return new Merged(new YMap(root.loc(), top), jobs, jobFiles, texts);
  }

  private static void add(
      Path file,
      YMap m,
      boolean main,
      Map<String, Path> jobFiles,
      Map<String, Loc> where,
      Map<String, LinkedHashMap<String, YMap.Entry>> sections,
      Problems p) {
    if (!main && m.has("include")) {
      p.add(
          m.keyLoc("include"),
          "include is read only in the bundle's main file; list this" + " pattern there.");
    }
    if (!main) {
      BundleKeys.checkIncluded(m, p);
    }
    Optional<YMap> jobs =
        m.has("resources")
            ? p.map(m, "resources")
                .flatMap(r -> r.has("jobs") ? p.map(r, "jobs") : Optional.empty())
            : Optional.empty();
    m.get("resources").filter(r -> r instanceof YMap).ifPresent(r -> otherResources((YMap) r, p));
    jobs.ifPresent(
        j ->
            j.values()
                .forEach(
                    e -> {
                      if (put(sections.get("jobs"), where, "job", "jobs.", e, p)) {
                        jobFiles.put(e.key(), file);
                      }
                    }));
    for (String s : List.of("variables", "targets")) {
      if (m.has(s)) {
        p.map(m, s)
            .ifPresent(
                x ->
                    x.values()
                        .forEach(
                            e ->
                                put(
                                    sections.get(s),
                                    where,
                                    s.equals("targets") ? "target" : "variable",
                                    s + ".",
                                    e,
                                    p)));
      }
    }
  }

  /** Resources other than jobs (pipelines, schemas, volumes, ...): one notice per file. */
  static void otherResources(YMap resources, Problems p) {
    for (YMap.Entry type : resources.values()) {
      if (!type.key().equals("jobs") && type.value() instanceof YMap named) {
        named
            .values()
            .forEach(r -> p.ignored(r.keyLoc(), OTHER_RESOURCES, type.key() + "." + r.key()));
      }
    }
  }

  private static boolean put(
      LinkedHashMap<String, YMap.Entry> into,
      Map<String, Loc> where,
      String what,
      String prefix,
      YMap.Entry e,
      Problems p) {
    Loc first = where.putIfAbsent(prefix + e.key(), e.keyLoc());
    if (first != null && what.equals("target")) {
      // the same target in several files is one target, merged as the Databricks CLI merges
      YMap.Entry mine = into.get(e.key());
      into.put(
          e.key(),
          new YMap.Entry(e.key(), mine.keyLoc(), TargetOverrides.join(mine.value(), e.value())));
      return true;
    }
    if (first != null) {
      p.add(
          e.keyLoc(),
          what
              + " '"
              + e.key()
              + "' is declared twice (first at "
              + first
              + "); a bundle declares each "
              + what
              + " once.");
      return false;
    }
    into.put(e.key(), e);
    return true;
  }

  /** The files {@code root}'s include patterns match, in pattern order, each once. */
  private static Map<String, String> find(Path file, YMap root, Problems p) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!root.has("include")) {
      return out;
    }
    Path base = file.toAbsolutePath().normalize().getParent();
    Path self = file.toAbsolutePath().normalize();
    for (YNode n : p.list(root, "include")) {
      Optional<String> pattern =
          n instanceof YScalar s && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
      if (pattern.isEmpty()) {
        p.add(
            n.loc(), "an include entry is a path or glob (resources/*.yml), not " + n.kind() + ".");
        continue;
      }
      for (Path f : matches(base, pattern.get(), n.loc())) {
        if (!f.equals(self) && !out.containsKey(f.toString())) {
          out.put(f.toString(), YamlReader.readText(f));
        }
      }
    }
    return out;
  }

  private static List<Path> matches(Path base, String pattern, Loc at) {
    if (Path.of(pattern).isAbsolute() || pattern.startsWith("/")) {
      throw new InvalidInputException(
          at
              + ": include pattern '"
              + pattern
              + "' is an absolute"
              + " path; write it relative to the bundle's folder "
              + base
              + " (it may start with"
              + " ../), as the Databricks CLI requires.");
    }
    if (!pattern.contains("*")
        && !pattern.contains("?")
        && !pattern.contains("[")
        && !pattern.contains("{")) {
      Path f = base.resolve(pattern).normalize();
      if (!Files.isRegularFile(f)) {
        throw new InvalidInputException(
            at + ": include names " + pattern + ", which is not a" + " file in " + base + ".");
      }
      return List.of(f);
    }
    // walk from the pattern's literal folder, only as deep as the pattern reaches
    String[] parts = pattern.split("/");
    int literal = 0;
    while (literal < parts.length - 1 && !parts[literal].matches(".*[*?\\[{].*")) {
      literal++;
    }
    Path start = base.resolve(String.join("/", List.of(parts).subList(0, literal)));
    int depth = pattern.contains("**") ? MAX_DEPTH : parts.length - literal;
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    TreeSet<Path> found = new TreeSet<>();
    if (Files.isDirectory(start)) {
      try (Stream<Path> s = Files.walk(start, depth)) {
        s.filter(Files::isRegularFile)
            .filter(f -> m.matches(base.relativize(f)))
            .forEach(f -> found.add(f.normalize()));
      } catch (IOException e) {
        throw new InvalidInputException(
            at
                + ": include pattern '"
                + pattern
                + "' could not be"
                + " read ("
                + e.getMessage()
                + ").",
            e);
      }
    }
    return new ArrayList<>(found);
  }
}
