package io.andon.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.Reference;
import io.andon.util.Json;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a notebook of a bundle by its path (with or without its extension, as Databricks allows),
 * tells its language, and lists its {@code %pip install} requirements.
 */
final class NotebookFiles {
  /** Extensions tried after the path as given, in Databricks' order. */
  static final List<String> EXTENSIONS = List.of("", ".py", ".ipynb", ".sql", ".scala", ".r", ".R");

  private NotebookFiles() {}

  static Optional<Path> find(Path baseDir, String path) {
    Path p = baseDir.resolve(path).normalize();
    for (String ext : EXTENSIONS) {
      Path f = p.resolveSibling(p.getFileName() + ext);
      if (Files.isRegularFile(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The notebook's language: python, sql, scala or r. */
  static String language(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".sql")) {
      return "sql";
    }
    if (name.endsWith(".scala")) {
      return "scala";
    }
    if (name.endsWith(".r")) {
      return "r";
    }
    if (name.endsWith(".ipynb")) {
      JsonNode nb = Json.read(Files.readString(file, StandardCharsets.UTF_8));
      String lang =
          nb.path("metadata")
              .path("kernelspec")
              .path("language")
              .asText(nb.path("metadata").path("language_info").path("name").asText("python"));
      return lang.isEmpty() ? "python" : lang.toLowerCase(Locale.ROOT);
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = Optional.ofNullable(r.readLine()).orElse("").strip();
      if (first.equals("-- Databricks notebook source")) {
        return "sql";
      }
      return first.equals("// Databricks notebook source") ? "scala" : "python";
    }
  }

  /** Reports, at load, a notebook that andon cannot run because of its language. */
  static void checkLanguage(Path baseDir, String path, Loc at, Problems p) {
    if (!Reference.findAll(path).isEmpty()) {
      return; // known when the task runs
    }
    if (path.startsWith("/Workspace/")
        || path.startsWith("/Users/")
        || path.startsWith("/Repos/")
        || path.startsWith("/Shared/")) {
      if (find(baseDir, path).isEmpty()) {
        PythonTaskTypes.workspacePath(at, "notebook_path", path, p);
      }
      return;
    }
    Optional<Path> file = find(baseDir, path);
    if (file.isEmpty()) {
      return; // a missing notebook fails its task when it runs, the others still run
    }
    try {
      String lang = language(file.get());
      if (!lang.equals("python")) {
        p.add(
            at,
            "notebook "
                + file.get()
                + " is a "
                + lang.toUpperCase(Locale.ROOT)
                + " notebook; andon runs Python notebooks only. Run this task in a Databricks"
                + " workspace, or put a shell_task beside it as its local stand-in.");
      }
    } catch (IOException e) {
      p.add(at, "notebook " + file.get() + " cannot be read: " + e.getMessage());
    }
  }

  /** The packages of the notebook's own {@code %pip install} cells (not of the ones it runs). */
  static List<String> pipRequirements(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    if (file.toString().endsWith(".ipynb")) {
      for (JsonNode cell : Json.read(text).path("cells")) {
        JsonNode src = cell.path("source");
        StringBuilder b = new StringBuilder();
        if (src.isArray()) {
          src.forEach(s -> b.append(s.asText()));
        } else {
          b.append(src.asText());
        }
        lines.addAll(b.toString().lines().toList());
      }
    } else {
      text.lines()
          .filter(l -> l.startsWith("# MAGIC "))
          .forEach(l -> lines.add(l.substring("# MAGIC ".length())));
    }
    for (String l : lines) {
      String s = l.strip();
      if (s.startsWith("%pip install ")) {
        for (String w : s.substring("%pip install ".length()).trim().split("\\s+")) {
          if (!w.startsWith("-") && !w.isEmpty()) {
            out.add(w);
          }
        }
      }
    }
    return out;
  }
}
