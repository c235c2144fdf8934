package io.andon.monitor.data;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Where a table comes from: one file, the files of a folder, or the files a glob matches, all of
 * one format. Resolved eagerly so that a missing or empty input is reported before any work.
 */
public record DataSource(String spec, Format format, List<Path> files) {
  /** The file formats andon reads through DuckDB. */
  public enum Format {
    CSV("read_csv"),
    PARQUET("read_parquet"),
    JSON("read_json");

    final String function;

    Format(String function) {
      this.function = function;
    }

    static Format of(Path p) {
      String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
      if (n.endsWith(".gz")) {
        n = n.substring(0, n.length() - 3);
      }
      if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
        return CSV;
      }
      if (n.endsWith(".parquet") || n.endsWith(".pq")) {
        return PARQUET;
      }
      if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
        return JSON;
      }
      return null;
    }
  }

  public DataSource {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(format, "format");
    files = List.copyOf(files);
  }

  /**
   * Resolves a file, folder or glob. {@code role} names the input in messages ("--baseline").
   *
   * @throws InvalidInputException when nothing readable is there
   */
  public static DataSource resolve(String spec, String role) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(role, "role");
    if (spec.isBlank()) {
      throw new InvalidInputException(
          role
              + " is empty: give a CSV, Parquet or JSON-lines file,"
              + " a folder of them, or a glob such as 'data/*.parquet'.");
    }
    List<Path> files = new ArrayList<>();
    Path p = Path.of(spec);
    if (isGlob(spec)) {
      files.addAll(glob(spec));
      if (files.isEmpty()) {
        throw new InvalidInputException(role + " " + spec + ": no file matches this pattern.");
      }
    } else if (Files.isDirectory(p.resolve("_delta_log"))) {
      throw new InvalidInputException(
          role
              + " "
              + spec
              + ": a Delta table (it has a _delta_log); this engine does not read Delta"
              + " (DuckDB's delta extension downloads itself at run time). Run the monitor with"
              + " --engine spark, which reads it, or export the table to Parquet.");
    } else if (Files.isDirectory(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        s.filter(Files::isRegularFile)
            .filter(f -> Format.of(f) != null)
            .filter(f -> !f.getFileName().toString().startsWith("."))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new InvalidInputException(
            role + " " + spec + ": cannot list the folder (" + e + ").", e);
      }
      if (files.isEmpty()) {
        throw new InvalidInputException(
            role + " " + spec + ": the folder has no .csv, .parquet" + " or .jsonl files.");
      }
    } else if (Files.isRegularFile(p)) {
      files.add(p);
    } else {
      throw new InvalidInputException(role + " " + spec + ": no such file or folder.");
    }
    Format format = null;
    for (Path f : files) {
      Format ff = Format.of(f);
      if (ff == null) {
        throw new InvalidInputException(
            role
                + " "
                + f
                + ": cannot tell the file format from its"
                + " name; name it .csv, .parquet or .jsonl.");
      }
      if (format != null && ff != format) {
        throw new InvalidInputException(
            role
                + " "
                + spec
                + " mixes "
                + format
                + " and "
                + ff
                + " files ("
                + f
                + "); point it at files of one format.");
      }
      format = ff;
      if (!Files.isReadable(f)) {
        throw new InvalidInputException(role + " " + f + ": permission denied.");
      }
    }
    boolean allEmpty = true;
    for (Path f : files) {
      try {
        if (Files.size(f) > 0) {
          allEmpty = false;
        }
      } catch (IOException e) {
        throw new InvalidInputException(role + " " + f + ": cannot read (" + e + ").", e);
      }
    }
    if (allEmpty) {
      throw new InvalidInputException(
          role
              + " "
              + (files.size() == 1 ? files.get(0) : spec)
              + " is empty (0 bytes): there is nothing to compare.");
    }
    files.removeIf(
        f -> {
          try {
            return Files.size(f) == 0;
          } catch (IOException e) {
            return false;
          }
        });
    return new DataSource(spec, format, files);
  }

  private static boolean isGlob(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
  }

  private static List<Path> glob(String spec) {
    String norm = spec.replace('\\', '/');
    int firstMeta = norm.length();
    for (char c : new char[] {'*', '?', '['}) {
      int i = norm.indexOf(c);
      if (i >= 0) {
        firstMeta = Math.min(firstMeta, i);
      }
    }
    int slash = norm.lastIndexOf('/', firstMeta);
    Path root = slash < 0 ? Path.of(".") : Path.of(slash == 0 ? "/" : norm.substring(0, slash));
    String pattern = slash < 0 ? norm : norm.substring(slash + 1);
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile)
          .filter(f -> m.matches(root.relativize(f)))
          .sorted()
          .forEach(out::add);
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /** The DuckDB table function call that reads these files. */
  public String sql() {
    StringBuilder sb = new StringBuilder(format.function).append("([");
    for (int i = 0; i < files.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(quote(files.get(i).toAbsolutePath().toString()));
    }
    sb.append("]");
    if (format != Format.PARQUET) {
      sb.append(", union_by_name = true");
    } else if (files.size() > 1) {
      sb.append(", union_by_name = true");
    }
    return sb.append(")").toString();
  }

  /** A SQL string literal. */
  public static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** Short description for reports: the spec and how many files it holds. */
  public String describe() {
    return files.size() == 1 ? files.get(0).toString() : spec + " (" + files.size() + " files)";
  }
}
