package io.andon.tdg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved grade to compare later runs with: the project score and grade, and for every file its
 * content hash and score. JSON, meant to be committed next to the code:
 *
 * <pre>
 * {"andon_tdg_baseline": 1, "created": "...", "score": 84.2, "grade": "B",
 *  "files": {"src/main/java/a/B.java": {"sha256": "...", "score": 91.0}}}
 * </pre>
 */
public final class Baseline {
  /** Default file name, at the project root. */
  public static final String FILE = "tdg-baseline.json";

  private Baseline() {}

  /** A baseline read back. */
  public record Data(
      double score, Grade grade, Map<String, Double> fileScores, Map<String, String> fileHashes) {}

  /** Writes {@code report} as a baseline. */
  public static void write(TdgReport report, Path file, Instant now) {
    ObjectNode root = Json.object();
    root.put("andon_tdg_baseline", 1);
    root.put("created", now.toString());
    root.put("score", report.score());
    root.put("grade", report.grade().name());
    ObjectNode comps = root.putObject("components");
    for (TdgReport.Component c : report.components()) {
      if (c.score().isPresent()) {
        comps.put(c.name(), c.score().getAsDouble());
      } else {
        comps.putNull(c.name());
      }
    }
    ObjectNode files = root.putObject("files");
    report.files().stream()
        .sorted(Comparator.comparing(TdgReport.FileResult::path))
        .forEach(f -> files.putObject(f.path()).put("sha256", f.sha256()).put("score", f.score()));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, Json.pretty(root) + "\n");
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot write the baseline "
              + file
              + " ("
              + e.getMessage()
              + "). Pass --output to a writable place.",
          e);
    }
  }

  public static Data read(Path file) {
    JsonNode root;
    try {
      root = Json.read(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          "--baseline "
              + file
              + ": no such file. Create one with"
              + " 'andon tdg baseline create' first.");
    } catch (IOException e) {
      throw new InvalidInputException(
          "--baseline "
              + file
              + ": not a readable baseline ("
              + e.getMessage().lines().findFirst().orElse("")
              + ").",
          e);
    }
    if (!root.has("andon_tdg_baseline")
        || !root.path("files").isObject()
        || !root.path("score").isNumber()) {
      throw new InvalidInputException(
          "--baseline "
              + file
              + ": not an andon tdg baseline (it"
              + " needs andon_tdg_baseline, score and files). Create one with 'andon tdg baseline"
              + " create'.");
    }
    Map<String, Double> scores = new HashMap<>();
    Map<String, String> hashes = new HashMap<>();
    root.path("files")
        .properties()
        .forEach(
            e -> {
              scores.put(e.getKey(), e.getValue().path("score").asDouble());
              hashes.put(e.getKey(), e.getValue().path("sha256").asText(""));
            });
    double score = root.path("score").asDouble();
    Grade grade =
        root.has("grade")
            ? Grade.parse(root.path("grade").asText(), file.toString())
            : Grade.of(score);
    return new Data(score, grade, scores, hashes);
  }

  /** Compares a run with a baseline; files absent from either side are not compared. */
  static TdgReport.Regression compare(
      Data base,
      String name,
      double score,
      Grade grade,
      List<TdgReport.FileResult> files,
      double maxDrop) {
    List<TdgReport.FileChange> worse = new ArrayList<>();
    for (TdgReport.FileResult f : files) {
      Double before = base.fileScores().get(f.path());
      if (before != null && before - f.score() > maxDrop + 1e-9) {
        worse.add(new TdgReport.FileChange(f.path(), before, f.score()));
      }
    }
    worse.sort(
        Comparator.comparingDouble(TdgReport.FileChange::drop)
            .reversed()
            .thenComparing(TdgReport.FileChange::path));
    double drop = Scoring.round1(base.score() - score);
    boolean regressed = drop > maxDrop + 1e-9 || !worse.isEmpty();
    return new TdgReport.Regression(
        name,
        maxDrop,
        base.score(),
        base.grade(),
        drop,
        !grade.atLeast(base.grade()),
        worse,
        regressed);
  }
}
