package io.andon.tdg.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How well a README serves a new reader: five parts worth 20 points each. A part is found by a
 * heading (Markdown {@code #}, AsciiDoc {@code =}, or an underlined reStructuredText title) or by
 * the content that does its job:
 *
 * <ul>
 *   <li>{@code what}: a paragraph of at least ten words saying what the project is;
 *   <li>{@code install}: a heading such as Install, Installation, Getting started, Setup, Build or
 *       Download, or a code block with a build or package command or a Maven dependency;
 *   <li>{@code usage}: a heading such as Usage, How to use, Quick start, Commands or CLI;
 *   <li>{@code example}: a code block (fenced or indented) or an Example heading;
 *   <li>{@code license}: a License heading, or a LICENSE file next to the README.
 * </ul>
 */
public final class ReadmeScore {
  /** The parts in report order. */
  public static final List<String> PARTS =
      List.of("what", "install", "usage", "example", "license");

  private static final Pattern INSTALL =
      Pattern.compile(
          "install|setup|set up|getting started|get started|build|download|requirements");
  private static final Pattern USAGE =
      Pattern.compile("usage|how to use|using|quick ?start|commands|command line|cli|running|run");
  private static final Pattern INSTALL_CODE =
      Pattern.compile(
          "mvn |mvnw|gradle|pip install|npm install|<dependency>|brew install|apt(-get)? install"
              + "|docker run|java -jar|make install");

  /**
   * The result.
   *
   * @param file the README found, empty when there is none
   * @param parts for each of {@link #PARTS}, whether it was found
   */
  public record Result(Optional<String> file, Map<String, Boolean> parts) {
    public Result {
      Objects.requireNonNull(file, "file");
      parts = Map.copyOf(parts);
    }

    /** 0 to 100: 20 per part found. */
    public double score() {
      return 20.0 * parts.values().stream().filter(b -> b).count();
    }

    public List<String> missing() {
      return PARTS.stream().filter(p -> !parts.getOrDefault(p, false)).toList();
    }
  }

  private ReadmeScore() {}

  /**
   * Scores the README at the root of {@code project}; no README scores 0 with every part missing.
   */
  public static Result of(Path project) {
    Objects.requireNonNull(project, "project");
    Path readme = null;
    for (String name :
        List.of(
            "README.md",
            "README.adoc",
            "README.rst",
            "README.txt",
            "README",
            "readme.md",
            "Readme.md")) {
      if (Files.isRegularFile(project.resolve(name))) {
        readme = project.resolve(name);
        break;
      }
    }
    boolean licenseFile =
        Files.isRegularFile(project.resolve("LICENSE"))
            || Files.isRegularFile(project.resolve("LICENSE.md"))
            || Files.isRegularFile(project.resolve("LICENSE.txt"))
            || Files.isRegularFile(project.resolve("COPYING"));
    if (readme == null) {
      Map<String, Boolean> none = new LinkedHashMap<>();
      PARTS.forEach(p -> none.put(p, false));
      return new Result(Optional.empty(), none);
    }
    String text;
    try {
      text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    Map<String, Boolean> parts = score(text);
    if (licenseFile) {
      parts.put("license", true);
    }
    return new Result(Optional.of(project.relativize(readme).toString()), parts);
  }

  /** Scores README text alone. */
  public static Map<String, Boolean> score(String text) {
    List<String> headings = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    List<String> code = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    StringBuilder para = new StringBuilder();
    StringBuilder block = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String s = line.strip();
      if (s.startsWith("```") || s.startsWith("~~~")) {
        if (block == null) {
          block = new StringBuilder();
        } else {
          code.add(block.toString());
          block = null;
        }
        continue;
      }
      if (block != null) {
        block.append(line).append('\n');
        continue;
      }
      boolean underline =
          i + 1 < lines.length
              && !s.isEmpty()
              && lines[i + 1].strip().matches("(=+|-+|~+|\\^+)")
              && lines[i + 1].strip().length() >= 3;
      if (s.startsWith("#") || s.startsWith("= ") || s.startsWith("== ") || underline) {
        headings.add(s.replaceAll("^[#=]+", "").strip().toLowerCase(Locale.ROOT));
        flush(para, paragraphs);
        if (underline) {
          i++;
        }
        continue;
      }
      if (line.startsWith("    ") && !s.isEmpty() && para.isEmpty()) {
        code.add(s);
        continue;
      }
      if (s.isEmpty()) {
        flush(para, paragraphs);
      } else {
        para.append(s).append(' ');
      }
    }
    flush(para, paragraphs);
    if (block != null) {
      code.add(block.toString());
    }
    Map<String, Boolean> parts = new LinkedHashMap<>();
    parts.put(
        "what",
        paragraphs.stream()
            .anyMatch(
                p -> !p.startsWith("[![") && !p.startsWith("!") && p.split("\\s+").length >= 10));
    parts.put(
        "install",
        headings.stream().anyMatch(h -> INSTALL.matcher(h).find())
            || code.stream().anyMatch(c -> INSTALL_CODE.matcher(c).find()));
    parts.put("usage", headings.stream().anyMatch(h -> USAGE.matcher(h).find()));
    parts.put("example", !code.isEmpty() || headings.stream().anyMatch(h -> h.contains("example")));
    parts.put(
        "license", headings.stream().anyMatch(h -> h.contains("license") || h.contains("licence")));
    return parts;
  }

  private static void flush(StringBuilder para, List<String> out) {
    if (!para.isEmpty()) {
      out.add(para.toString().strip());
      para.setLength(0);
    }
  }
}
