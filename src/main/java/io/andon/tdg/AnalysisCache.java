package io.andon.tdg;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-file analysis results keyed by path and content hash, so that a re-run only parses files
 * whose bytes changed. One JSON file per project under {@code <andon home>/tdg-cache/}, named
 * after a hash of the project's absolute path; results of an older rules version are ignored.
 * A damaged cache file is ignored and rewritten, never an error.
 */
final class AnalysisCache {
  private final Path file;
  private final Map<String, SourceFile> entries;

  private AnalysisCache(Path file, Map<String, SourceFile> entries) {
    this.file = file;
    this.entries = entries;
  }

  static Path fileFor(Path home, Path root) {
    String key = JavaSourceAnalyzer.sha256(root.toAbsolutePath().normalize().toString()
        .getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    return home.resolve("tdg-cache").resolve(key + ".json");
  }

  static AnalysisCache load(Path file) {
    Map<String, SourceFile> entries = new HashMap<>();
    if (Files.isRegularFile(file)) {
      try (JsonParser p = Json.mapper().getFactory().createParser(file.toFile())) {
        read(p, entries);
      } catch (IOException | RuntimeException e) {
        entries.clear(); // damaged: start over
      }
    }
    return new AnalysisCache(file, entries);
  }

  static AnalysisCache none() {
    return new AnalysisCache(null, new HashMap<>());
  }

  Optional<SourceFile> get(String path, String sha256) {
    SourceFile f = entries.get(path);
    return f != null && f.sha256().equals(sha256) ? Optional.of(f) : Optional.empty();
  }

  void save(Collection<SourceFile> files) throws IOException {
    if (file == null) {
      return;
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(tmp.toFile(),
        JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("rules", JavaSourceAnalyzer.RULES_VERSION);
      g.writeObjectFieldStart("files");
      for (SourceFile f : files) {
        g.writeObjectFieldStart(f.path());
        g.writeStringField("sha256", f.sha256());
        g.writeNumberField("lines", f.lines());
        g.writeNumberField("api", f.publicApi());
        g.writeNumberField("doc", f.documented());
        if (f.parseError().isPresent()) {
          g.writeStringField("error", f.parseError().get());
        }
        g.writeArrayFieldStart("undoc");
        for (String u : f.undocumented()) {
          g.writeString(u);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("m");
        for (MethodMetrics m : f.methods()) {
          g.writeStartArray();
          g.writeString(m.name());
          g.writeNumber(m.line());
          g.writeNumber(m.cyclomatic());
          g.writeNumber(m.cognitive());
          g.writeNumber(m.nesting());
          g.writeNumber(m.length());
          g.writeNumber(m.parameters());
          g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void read(JsonParser p, Map<String, SourceFile> out) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      if (field.equals("rules")) {
        if (p.getIntValue() != JavaSourceAnalyzer.RULES_VERSION) {
          return;
        }
      } else if (field.equals("files")) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String path = p.currentName();
          p.nextToken();
          out.put(path, entry(p, path));
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private static SourceFile entry(JsonParser p, String path) throws IOException {
    String sha = "";
    int lines = 0;
    int api = 0;
    int doc = 0;
    String error = null;
    List<String> undoc = new ArrayList<>();
    List<MethodMetrics> methods = new ArrayList<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String f = p.currentName();
      p.nextToken();
      switch (f) {
        case "sha256" -> sha = p.getText();
        case "lines" -> lines = p.getIntValue();
        case "api" -> api = p.getIntValue();
        case "doc" -> doc = p.getIntValue();
        case "error" -> error = p.getText();
        case "undoc" -> {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            undoc.add(p.getText());
          }
        }
        case "m" -> {
          while (p.nextToken() == JsonToken.START_ARRAY) {
            p.nextToken();
            String name = p.getText();
            int[] v = new int[6];
            for (int i = 0; i < 6; i++) {
              p.nextToken();
              v[i] = p.getIntValue();
            }
            p.nextToken(); // END_ARRAY
            methods.add(new MethodMetrics(name, v[0], v[1], v[2], v[3], v[4], v[5]));
          }
        }
        default -> p.skipChildren();
      }
    }
    return new SourceFile(path, sha, lines, methods, api, doc, undoc, Optional.ofNullable(error));
  }
}
