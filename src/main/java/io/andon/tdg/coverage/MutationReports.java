package io.andon.tdg.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Mutation results of Python and Rust mutation testers, as mutants per source file.
 *
 * <ul>
 *   <li><b>cargo-mutants</b> {@code mutants.out/outcomes.json}: each outcome whose {@code scenario}
 *       is a {@code Mutant} (the {@code Baseline} is not one) counts by its {@code summary}: {@code
 *       CaughtMutant} and {@code Timeout} are detected, {@code MissedMutant} is not, {@code
 *       Unviable} (did not build) is left out, as PIT leaves out non-viable mutants.
 *   <li><b>mutmut 3</b> {@code mutants/**}{@code /*.meta}: the JSON beside each mutated file maps
 *       every mutant to the exit code of its test run ({@code exit_code_by_key}), read as mutmut's
 *       own table reads it: 1 and 3 killed, 24, 36, 152, 255 and -24 timeout, 37 caught by the type
 *       checker (all detected); 0 survived, 5 and 33 no tests (not detected); unrun ({@code null}),
 *       skipped (34), interrupted (2) and suspicious mutants are left out.
 *   <li><b>mutmut 2</b> {@code .mutmut-cache}, the SQLite database {@code mutmut run} keeps (tables
 *       SourceFile, Line, Mutant): {@code ok_killed} and {@code bad_timeout} detected, {@code
 *       bad_survived} not; {@code untested}, {@code skipped} and {@code ok_suspicious} left out.
 * </ul>
 */
public final class MutationReports {
  /** Where these tools write their results, relative to the project root. */
  public static final List<String> USUAL_PLACES =
      List.of("mutants.out/outcomes.json", "mutants", ".mutmut-cache");

  private static final Set<Integer> MUTMUT_DETECTED = Set.of(1, 3, 24, 36, 152, 255, -24, 37);
  private static final Set<Integer> MUTMUT_UNDETECTED = Set.of(0, 5, 33);

  private MutationReports() {}

  /** True when {@code place} under a root holds results (a mutmut 3 folder needs a .meta file). */
  static boolean present(Path p) {
    if (Files.isDirectory(p)) {
      return metaFiles(p).findAny().isPresent();
    }
    return Files.isRegularFile(p);
  }

  /** cargo-mutants' outcomes.json, already parsed. */
  static CoverageReport cargoMutants(Path path, JsonNode root) {
    Map<String, int[]> byFile = new TreeMap<>();
    for (JsonNode o : root.path("outcomes")) {
      JsonNode mutant = o.path("scenario").path("Mutant");
      if (mutant.isMissingNode()) {
        continue; // the baseline
      }
      String file = mutant.path("file").asText("");
      if (file.isEmpty()) {
        String name = mutant.path("name").asText("");
        file = name.contains(":") ? name.substring(0, name.indexOf(':')) : "";
      }
      if (file.isEmpty()) {
        throw new InvalidInputException(
            path
                + ": a mutant without \"file\" or \"name\"; is it"
                + " cargo-mutants' mutants.out/outcomes.json?");
      }
      switch (o.path("summary").asText("")) {
        case "CaughtMutant", "Timeout" -> count(byFile, file, true);
        case "MissedMutant" -> count(byFile, file, false);
        default -> {} // Unviable: it did not build, so no test could see it
      }
    }
    return report(path, "cargo-mutants", byFile);
  }

  /** mutmut 3's {@code mutants/} folder: one {@code <source>.meta} JSON per mutated file. */
  static CoverageReport mutmut3(Path dir) {
    Map<String, int[]> byFile = new TreeMap<>();
    for (Path meta : metaFiles(dir).sorted().toList()) {
      String rel = dir.relativize(meta).toString().replace('\\', '/');
      String source = rel.substring(0, rel.length() - ".meta".length());
      JsonNode root;
      try {
        root = Json.mapper().readTree(meta.toFile());
      } catch (IOException e) {
        throw new InvalidInputException(
            meta
                + ": not a mutmut .meta JSON file ("
                + e.getMessage().lines().findFirst().orElse("")
                + "). Run mutmut again.",
            e);
      }
      root.path("exit_code_by_key")
          .properties()
          .forEach(
              e -> {
                if (!e.getValue().isNull()) {
                  int code = e.getValue().asInt();
                  if (MUTMUT_DETECTED.contains(code) || MUTMUT_UNDETECTED.contains(code)) {
                    count(byFile, source, MUTMUT_DETECTED.contains(code));
                  }
                }
              });
    }
    return report(dir, "mutmut", byFile);
  }

  /** mutmut 2's {@code .mutmut-cache} SQLite database, opened read-only. */
  static CoverageReport mutmut2(Path cache) {
    Map<String, int[]> byFile = new TreeMap<>();
    String url = "jdbc:sqlite:file:" + cache.toAbsolutePath() + "?mode=ro";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT f.filename, m.status FROM Mutant m"
                    + " JOIN Line l ON m.line = l.id JOIN SourceFile f ON l.sourcefile = f.id")) {
      while (rs.next()) {
        switch (rs.getString(2)) {
          case "ok_killed", "bad_timeout" -> count(byFile, rs.getString(1), true);
          case "bad_survived" -> count(byFile, rs.getString(1), false);
          default -> {} // untested, skipped, ok_suspicious: no verdict
        }
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          cache
              + ": not a mutmut 2 cache ("
              + e.getMessage()
              + "). Run mutmut again, or remove the file.",
          e);
    }
    return report(cache, "mutmut", byFile);
  }

  private static Stream<Path> metaFiles(Path dir) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.toString().endsWith(".meta") && Files.isRegularFile(p)).forEach(out::add);
    } catch (IOException e) {
      throw new InvalidInputException(dir + ": cannot be listed (" + e.getMessage() + ").", e);
    }
    return out.stream();
  }

  private static void count(Map<String, int[]> byFile, String file, boolean detected) {
    int[] n = byFile.computeIfAbsent(file, k -> new int[2]);
    n[0] += detected ? 1 : 0;
    n[1]++;
  }

  private static CoverageReport report(Path path, String format, Map<String, int[]> byFile) {
    List<FileMutations> out = new ArrayList<>();
    byFile.forEach((f, n) -> out.add(new FileMutations(f, n[0], n[1])));
    return new CoverageReport(path.toString(), format, List.of(), out);
  }
}
