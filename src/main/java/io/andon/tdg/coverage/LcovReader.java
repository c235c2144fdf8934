package io.andon.tdg.coverage;

import io.andon.error.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads LCOV tracefiles (as lcov, cargo-llvm-cov and c8 write them) into file coverage. */
final class LcovReader {
  private LcovReader() {}

  /** LCOV: SF, DA, BRDA (or LF/LH/BRF/BRH when the details are absent), end_of_record. */
  static CoverageReport read(Path path, String text) {
    List<FileCoverage> files = new ArrayList<>();
    LcovRecord record = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("TN:")) {
        continue;
      }
      try {
        if (line.startsWith("SF:")) {
          record = new LcovRecord(line.substring(3).replace('\\', '/'));
        } else if (line.equals("end_of_record")) {
          if (record != null) {
            files.add(record.coverage());
          }
          record = null;
        } else if (record == null) {
          throw new InvalidInputException(
              path
                  + ":"
                  + (i + 1)
                  + ": LCOV record before any SF:"
                  + " line. Regenerate the tracefile.");
        } else {
          record.add(line);
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        throw new InvalidInputException(
            path
                + ":"
                + (i + 1)
                + ": malformed LCOV line '"
                + line
                + "'. Regenerate the tracefile.");
      }
    }
    if (record != null) {
      throw new InvalidInputException(
          path
              + ":"
              + lines.length
              + ": the record for "
              + record.file
              + " has no end_of_record; the tracefile is truncated. Regenerate it.");
    }
    return new CoverageReport(path.toString(), "lcov", files, List.of());
  }

  /** One SF ... end_of_record block of an LCOV tracefile. */
  private static final class LcovRecord {
    final String file;
    final Map<Integer, Integer> lines = new TreeMap<>();
    int branches;
    int branchesHit;
    final int[] summary = {-1, -1, -1, -1}; // LF, LH, BRF, BRH

    LcovRecord(String file) {
      this.file = file;
    }

    void add(String line) {
      int colon = line.indexOf(':');
      String key = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1).strip();
      switch (key) {
        case "DA" -> {
          String[] p = value.split(",");
          lines.merge(
              Integer.parseInt(p[0].strip()), Long.parseLong(p[1].strip()) > 0 ? 1 : 0, Math::max);
        }
        case "BRDA" -> {
          String taken = value.split(",")[3].strip();
          branches++;
          branchesHit += !taken.equals("-") && Long.parseLong(taken) > 0 ? 1 : 0;
        }
        case "LF" -> summary[0] = Integer.parseInt(value);
        case "LH" -> summary[1] = Integer.parseInt(value);
        case "BRF" -> summary[2] = Integer.parseInt(value);
        case "BRH" -> summary[3] = Integer.parseInt(value);
        default -> {} // FN, FNDA, FNF, FNH and others carry nothing andon grades
      }
    }

    FileCoverage coverage() {
      int lt = lines.isEmpty() ? Math.max(summary[0], 0) : lines.size();
      int lc =
          lines.isEmpty()
              ? Math.max(summary[1], 0)
              : (int) lines.values().stream().filter(v -> v > 0).count();
      int bt = branches == 0 ? Math.max(summary[2], 0) : branches;
      int bc = branches == 0 ? Math.max(summary[3], 0) : branchesHit;
      return new FileCoverage(file, Math.min(lc, lt), lt, Math.min(bc, bt), bt);
    }
  }
}
