package io.andon.serve;

import io.andon.error.InvalidInputException;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which files of the paths given to {@code andon serve} hold jobs, and a fingerprint of each that
 * changes when the file (or, for a bundle, any file in its folder) changes.
 */
final class JobFiles {
  private static final Set<String> BUNDLE_ROOTS = Set.of("databricks.yml", "databricks.yaml");
  private static final Set<String> SKIPPED = Set.of("target", "node_modules", "work", ".git");

  private JobFiles() {}

  /**
   * The job files of {@code paths}: a file as given; in a folder, every bundle root ({@code
   * databricks.yml}) and every other YAML or JSON file that is a job ({@code tasks} or {@code
   * settings} at its top), files inside a bundle's folder excepted.
   */
  static List<Path> expand(List<Path> paths) {
    return expand(paths, JobFiles::isJob);
  }

  /** The same, with {@code isJob} telling whether a YAML or JSON file in a folder is a job. */
  static List<Path> expand(List<Path> paths, java.util.function.Predicate<Path> isJob) {
    Set<Path> out = new TreeSet<>();
    for (Path p : paths) {
      Path abs = p.toAbsolutePath().normalize();
      if (Files.isRegularFile(abs)) {
        out.add(abs);
      } else if (Files.isDirectory(abs)) {
        out.addAll(inFolder(abs, isJob));
      } else {
        throw new InvalidInputException(
            p + " does not exist; give job files or folders of" + " them to `andon serve`.");
      }
    }
    return List.copyOf(out);
  }

  private static List<Path> inFolder(Path folder, java.util.function.Predicate<Path> isJob) {
    List<Path> candidates;
    try (Stream<Path> walk = Files.find(folder, 6, (f, attrs) -> attrs.isRegularFile())) {
      candidates =
          walk.filter(f -> !skipped(folder, f))
              .filter(
                  f ->
                      name(f).endsWith(".yml")
                          || name(f).endsWith(".yaml")
                          || name(f).endsWith(".json"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> bundleDirs =
        candidates.stream()
            .filter(f -> BUNDLE_ROOTS.contains(name(f)))
            .map(Path::getParent)
            .toList();
    List<Path> out = new ArrayList<>();
    for (Path f : candidates) {
      if (BUNDLE_ROOTS.contains(name(f))) {
        out.add(f);
      } else if (bundleDirs.stream().noneMatch(f::startsWith) && isJob.test(f)) {
        out.add(f);
      }
    }
    return out;
  }

  private static boolean skipped(Path folder, Path f) {
    for (Path part : folder.relativize(f)) {
      if (SKIPPED.contains(part.toString()) || part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code f} is a job: YAML or JSON with {@code tasks} or {@code settings} at its top. */
  static boolean isJob(Path f) {
    try {
      YNode root = YamlReader.parse(f.toString(), YamlReader.readText(f));
      return root instanceof YMap m && (m.has("tasks") || m.has("settings"));
    } catch (RuntimeException e) {
      return false; // not YAML at all: not a job
    }
  }

  private static String name(Path f) {
    return f.getFileName().toString();
  }

  /**
   * What changes when {@code file} changes: its size and modification time, and for a bundle root
   * those of every YAML file in its folder (its includes).
   */
  static String fingerprint(Path file) {
    StringBuilder b = new StringBuilder();
    List<Path> files = List.of(file);
    if (BUNDLE_ROOTS.contains(name(file))) {
      try (Stream<Path> walk = Files.walk(file.getParent(), 6)) {
        files =
            walk.filter(Files::isRegularFile)
                .filter(f -> !skipped(file.getParent(), f))
                .filter(f -> name(f).endsWith(".yml") || name(f).endsWith(".yaml"))
                .sorted()
                .toList();
      } catch (IOException | UncheckedIOException e) {
        files = List.of(file);
      }
    }
    for (Path f : files) {
      try {
        java.nio.file.attribute.BasicFileAttributes a =
            Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
        b.append(f)
            .append(':')
            .append(a.size())
            .append(':')
            .append(a.lastModifiedTime().toMillis())
            .append(';');
      } catch (IOException e) {
        b.append(f).append(":gone;");
      }
    }
    return b.toString();
  }
}
