package io.andon.tdg.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coverage.py's JSON report ({@code coverage json}): per file under {@code files}, the {@code
 * summary}'s {@code covered_lines} of {@code num_statements} and {@code covered_branches} of {@code
 * num_branches}.
 */
final class CoveragePyJson {
  private CoveragePyJson() {}

  /** The JSON tree of a report, with a clear error when it is not JSON. */
  static JsonNode tree(Path path, byte[] bytes) {
    try {
      return Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new InvalidInputException(
          path
              + ": not valid JSON ("
              + e.getMessage().lines().findFirst().orElse("")
              + "). Give the JSON report your tool writes (coverage.py's"
              + " `coverage json`, cargo-mutants' outcomes.json).",
          e);
    }
  }

  static CoverageReport read(Path path, byte[] bytes) {
    JsonNode root = tree(path, bytes);
    JsonNode files = root == null ? null : root.get("files");
    if (files == null || !files.isObject() || !root.path("meta").has("version")) {
      throw new InvalidInputException(
          path
              + ": a JSON file, but not coverage.py's report (no"
              + " \"meta\" and \"files\"). Give the file `coverage json` writes.");
    }
    List<FileCoverage> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : files.properties()) {
      JsonNode s = e.getValue().path("summary");
      out.add(
          new FileCoverage(
              e.getKey(),
              s.path("covered_lines").asInt(),
              s.path("num_statements").asInt(),
              s.path("covered_branches").asInt(),
              s.path("num_branches").asInt()));
    }
    return new CoverageReport(path.toString(), "coverage.py-json", out, List.of());
  }
}
