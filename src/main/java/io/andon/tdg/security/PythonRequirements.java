package io.andon.tdg.security;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Python requirements as PEP 508 writes them ({@code name[extra]>=1.0,<2 ; python_version<"3.12"})
 * and pip's requirements files, which hold one a line. A requirement that pins one version ({@code
 * ==1.2.3}, {@code ===1.2.3}) is a dependency to match; any other is unpinned; a direct reference
 * (URL, path, editable install) is not a PyPI release and cannot be matched.
 */
final class PythonRequirements {
  private PythonRequirements() {}

  /** Adds one PEP 508 requirement string; {@code origin} names where it was written. */
  static void add(String requirement, String origin, DependencyCollector out) {
    String s = requirement.strip();
    int marker = s.indexOf(';');
    if (marker >= 0) {
      s = s.substring(0, marker).strip(); // environment markers do not change the version
    }
    int end = nameEnd(s);
    if (end == 0) {
      out.unchecked(
          requirement.strip(), origin, "not a PEP 508 requirement; write it as" + " name==version");
      return;
    }
    String name = s.substring(0, end);
    String rest = s.substring(end).strip();
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      rest = close < 0 ? "[" : rest.substring(close + 1).strip();
    }
    if (rest.startsWith("@")) {
      out.unchecked(
          name,
          origin,
          "a direct reference ("
              + rest.substring(1).strip()
              + "), not a PyPI release: no advisory can be matched to it");
      return;
    }
    if (rest.startsWith("(") && rest.endsWith(")")) {
      rest = rest.substring(1, rest.length() - 1).strip();
    }
    Optional<Pep440Specifiers> spec = Pep440Specifiers.parse(rest);
    if (spec.isEmpty()) {
      out.unchecked(name, origin, "the version specifier '" + rest + "' is not valid PEP 440");
      return;
    }
    Optional<String> pin = spec.get().pinned();
    if (pin.isPresent()) {
      out.dependency(new Dependency(Ecosystem.PYPI, name, pin.get(), origin));
    } else {
      out.unpinned(
          new DependencySet.Requirement(Ecosystem.PYPI, name, spec.get().toString(), origin));
    }
  }

  /** The length of the project name at the start of {@code s} (letters, digits, {@code -_.}). */
  private static int nameEnd(String s) {
    int i = 0;
    while (i < s.length()
        && (Character.isLetterOrDigit(s.charAt(i)) || i > 0 && "-_.".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    return i;
  }

  /**
   * Reads a pip requirements file: comments, blank lines and {@code \}-continued lines as pip reads
   * them, {@code -r FILE} followed (relative to the file), {@code -e} editable installs and direct
   * paths or URLs listed as unchecked, other pip options skipped.
   */
  static void readFile(Path file, Path root, DependencyCollector out, Set<Path> seen) {
    Path real = file.toAbsolutePath().normalize();
    if (!seen.add(real)) {
      return;
    }
    String name = root.toAbsolutePath().normalize().relativize(real).toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(
          name + ": cannot be read as UTF-8 text (" + e.getMessage() + ").", e);
    }
    out.source(name, "pip requirements");
    StringBuilder logical = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (logical.length() == 0) {
        start = i + 1;
      }
      if (line.endsWith("\\")) {
        logical.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      logical.append(line);
      String text = stripComment(logical.toString()).strip();
      logical.setLength(0);
      if (!text.isEmpty()) {
        line(text, name + ":" + start, file, root, out, seen);
      }
    }
  }

  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static void line(
      String text, String origin, Path file, Path root, DependencyCollector out, Set<Path> seen) {
    String[] words = text.split("\\s+", 2);
    String option = words[0];
    String arg = words.length > 1 ? words[1].strip() : "";
    if (option.startsWith("--requirement=")) {
      arg = option.substring("--requirement=".length());
      option = "-r";
    }
    if (option.equals("-r") || option.equals("--requirement")) {
      Path included = file.resolveSibling(arg);
      if (Files.isRegularFile(included)) {
        readFile(included, root, out, seen);
      } else {
        out.unchecked("-r " + arg, origin, "the file it includes does not exist");
      }
    } else if (option.equals("-e") || option.startsWith("--editable")) {
      out.unchecked(
          arg.isEmpty() ? option : arg,
          origin,
          "an editable install of local or VCS code, not a PyPI release");
    } else if (option.startsWith("-")) {
      return; // pip options (index URLs, constraints, --hash) say nothing about versions
    } else if (text.startsWith(".") || text.startsWith("/") || words[0].contains("://")) {
      out.unchecked(words[0], origin, "a path or URL, not a PyPI release");
    } else {
      int opts = text.indexOf(" --");
      add(opts >= 0 ? text.substring(0, opts) : text, origin, out);
    }
  }
}
