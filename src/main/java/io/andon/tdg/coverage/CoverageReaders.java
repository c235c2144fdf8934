package io.andon.tdg.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads coverage reports: JaCoCo XML, Cobertura XML, LCOV tracefiles and PIT's mutations.xml,
 * recognised by their content rather than their name. XML is read with DTDs and external entities
 * switched off (JaCoCo's report declares a DOCTYPE; andon never fetches it).
 */
public final class CoverageReaders {
  private static final Pattern CONDITION = Pattern.compile("\\((\\d+)/(\\d+)\\)");

  private CoverageReaders() {}

  /** The conventional places build tools write reports to, relative to the project root. */
  public static final List<String> USUAL_PLACES =
      List.of(
          "target/site/jacoco/jacoco.xml",
          "target/site/jacoco-aggregate/jacoco.xml",
          "build/reports/jacoco/test/jacocoTestReport.xml",
          "target/site/cobertura/coverage.xml",
          "coverage.xml",
          "coverage.json",
          "lcov.info",
          "coverage/lcov.info",
          "target/pit-reports/mutations.xml",
          "build/reports/pitest/mutations.xml");

  /**
   * Reports found in the usual places under {@code root}; for PIT's timestamped folders ({@code
   * target/pit-reports/<timestamp>/mutations.xml}) the newest one.
   */
  public static List<Path> discover(Path root) {
    Objects.requireNonNull(root, "root");
    List<Path> found = new ArrayList<>();
    for (String place : USUAL_PLACES) {
      Path p = root.resolve(place);
      if (Files.isRegularFile(p)) {
        found.add(p);
      }
    }
    for (String place : MutationReports.USUAL_PLACES) {
      if (MutationReports.present(root.resolve(place))) {
        found.add(root.resolve(place));
      }
    }
    Path pit = root.resolve("target/pit-reports");
    if (Files.isDirectory(pit) && !Files.isRegularFile(pit.resolve("mutations.xml"))) {
      try (Stream<Path> dirs = Files.list(pit)) {
        dirs.filter(d -> Files.isRegularFile(d.resolve("mutations.xml")))
            .max(Path::compareTo)
            .ifPresent(d -> found.add(d.resolve("mutations.xml")));
      } catch (IOException e) {
        // an unreadable folder means no report there
      }
    }
    return found;
  }

  /** Reads a report, recognising its format. */
  public static CoverageReport read(Path path) {
    Objects.requireNonNull(path, "path");
    if (Files.isDirectory(path)) {
      return MutationReports.mutmut3(path);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          path
              + ": no such coverage report. Check the --coverage"
              + " path, or run the build that writes it (e.g. mvn verify with jacoco).");
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot be read (" + e.getMessage() + ").", e);
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).stripLeading();
    if (head.startsWith("<")) {
      return readXml(path, bytes);
    }
    if (head.startsWith("TN:") || head.startsWith("SF:")) {
      return LcovReader.read(path, new String(bytes, StandardCharsets.UTF_8));
    }
    if (head.startsWith("SQLite format 3")) {
      return MutationReports.mutmut2(path);
    }
    if (head.startsWith("{") && head.contains("\"outcomes\"")) {
      JsonNode root = CoveragePyJson.tree(path, bytes);
      if (root.has("outcomes")) {
        return MutationReports.cargoMutants(path, root);
      }
    }
    if (head.startsWith("{")) {
      return CoveragePyJson.read(path, bytes);
    }
    throw new InvalidInputException(
        path
            + ": not a coverage report andon knows. Give a JaCoCo"
            + " XML (jacoco.xml), Cobertura XML (coverage.xml), coverage.py JSON (coverage.json),"
            + " LCOV (lcov.info), PIT mutations.xml, cargo-mutants outcomes.json, mutmut's mutants/"
            + " folder or .mutmut-cache.");
  }

  static XMLInputFactory xmlFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    } catch (IllegalArgumentException ignored) {
      // not every StAX implementation knows the property; DTD support is off anyway
    }
    return f;
  }

  private static CoverageReport readXml(Path path, byte[] bytes) {
    try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
      XMLStreamReader r = xmlFactory().createXMLStreamReader(in);
      try {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
          // skip prolog and DOCTYPE
        }
        String root = r.getLocalName();
        return switch (root) {
          case "report" -> jacoco(path, r);
          case "coverage" -> cobertura(path, r);
          case "mutations" -> pit(path, r);
          default ->
              throw new InvalidInputException(
                  path
                      + ": XML with root <"
                      + root
                      + "> is"
                      + " not a coverage report andon knows. Give a JaCoCo XML (<report>), Cobertura"
                      + " XML (<coverage>) or PIT mutations.xml (<mutations>) file.");
        };
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      Location l = e.getLocation();
      String where = l == null ? "" : ":" + l.getLineNumber() + ":" + l.getColumnNumber();
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      int at = msg.indexOf("Message: ");
      throw new InvalidInputException(
          path
              + where
              + ": malformed XML: "
              + (at >= 0 ? msg.substring(at + 9) : msg).strip()
              + ". Regenerate the report.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(path + ": cannot be read (" + e.getMessage() + ").", e);
    }
  }

  private static int intAttr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      Location l = r.getLocation();
      throw new InvalidInputException(
          "line "
              + l.getLineNumber()
              + ": attribute "
              + name
              + "=\""
              + v
              + "\" is not a whole number. Regenerate the report.");
    }
  }

  /** JaCoCo: report/package[@name]/sourcefile[@name]/counter[@type=LINE|BRANCH]. */
  private static CoverageReport jacoco(Path path, XMLStreamReader r) throws XMLStreamException {
    List<FileCoverage> files = new ArrayList<>();
    String pkg = "";
    String sourceFile = null;
    int[] counts = new int[4];
    int depth = 1;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
        switch (r.getLocalName()) {
          case "package" -> pkg = r.getAttributeValue(null, "name");
          case "sourcefile" -> {
            sourceFile = r.getAttributeValue(null, "name");
            counts = new int[4];
          }
          case "counter" -> {
            if (sourceFile != null) {
              String type = r.getAttributeValue(null, "type");
              int missed = intAttr(r, "missed");
              int covered = intAttr(r, "covered");
              if ("LINE".equals(type)) {
                counts[0] = covered;
                counts[1] = missed + covered;
              } else if ("BRANCH".equals(type)) {
                counts[2] = covered;
                counts[3] = missed + covered;
              }
            }
          }
          default -> {}
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        if (r.getLocalName().equals("sourcefile") && sourceFile != null) {
          String p = pkg == null || pkg.isEmpty() ? sourceFile : pkg + "/" + sourceFile;
          files.add(new FileCoverage(p, counts[0], counts[1], counts[2], counts[3]));
          sourceFile = null;
        } else if (r.getLocalName().equals("package")) {
          pkg = "";
        }
      }
    }
    return new CoverageReport(path.toString(), "jacoco", files, List.of());
  }

  /** Cobertura: coverage/packages/package/classes/class[@filename]/lines/line. */
  private static CoverageReport cobertura(Path path, XMLStreamReader r) throws XMLStreamException {
    // per file, per line number: {hits, branchesCovered, branchesTotal}; classes of one file merge
    Map<String, Map<Integer, int[]>> byFile = new LinkedHashMap<>();
    String file = null;
    boolean inMethods = false;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "class" -> {
            file = r.getAttributeValue(null, "filename");
            if (file != null) {
              byFile.computeIfAbsent(file.replace('\\', '/'), k -> new TreeMap<>());
            }
          }
          case "methods" -> inMethods = true;
          case "line" -> {
            if (file != null && !inMethods) {
              int number = intAttr(r, "number");
              int hits = intAttr(r, "hits");
              int bc = 0;
              int bt = 0;
              String cond = r.getAttributeValue(null, "condition-coverage");
              if ("true".equals(r.getAttributeValue(null, "branch")) && cond != null) {
                Matcher m = CONDITION.matcher(cond);
                if (m.find()) {
                  bc = Integer.parseInt(m.group(1));
                  bt = Integer.parseInt(m.group(2));
                }
              }
              int[] prev = byFile.get(file.replace('\\', '/')).get(number);
              if (prev == null) {
                byFile.get(file.replace('\\', '/')).put(number, new int[] {hits, bc, bt});
              } else {
                prev[0] = Math.max(prev[0], hits);
                prev[1] = Math.max(prev[1], bc);
                prev[2] = Math.max(prev[2], bt);
              }
            }
          }
          default -> {}
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (r.getLocalName().equals("methods")) {
          inMethods = false;
        } else if (r.getLocalName().equals("class")) {
          file = null;
        }
      }
    }
    List<FileCoverage> files = new ArrayList<>();
    byFile.forEach(
        (f, lines) -> {
          int lc = 0;
          int bc = 0;
          int bt = 0;
          for (int[] v : lines.values()) {
            lc += v[0] > 0 ? 1 : 0;
            bc += Math.min(v[1], v[2]);
            bt += v[2];
          }
          files.add(new FileCoverage(f, lc, lines.size(), bc, bt));
        });
    return new CoverageReport(path.toString(), "cobertura", files, List.of());
  }

  /** PIT: mutations/mutation[@detected]/{sourceFile, mutatedClass}. */
  private static CoverageReport pit(Path path, XMLStreamReader r) throws XMLStreamException {
    Map<String, int[]> byFile = new LinkedHashMap<>();
    boolean detected = false;
    String status = "";
    String sourceFile = null;
    String mutatedClass = null;
    String field = null;
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String n = r.getLocalName();
        if (n.equals("mutation")) {
          detected = "true".equals(r.getAttributeValue(null, "detected"));
          status = String.valueOf(r.getAttributeValue(null, "status"));
          sourceFile = null;
          mutatedClass = null;
        } else if (n.equals("sourceFile") || n.equals("mutatedClass")) {
          field = n;
          text.setLength(0);
        }
      } else if (ev == XMLStreamConstants.CHARACTERS && field != null) {
        text.append(r.getText());
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        String n = r.getLocalName();
        if (n.equals("sourceFile")) {
          sourceFile = text.toString().strip();
          field = null;
        } else if (n.equals("mutatedClass")) {
          mutatedClass = text.toString().strip();
          field = null;
        } else if (n.equals("mutation") && sourceFile != null && !status.equals("NON_VIABLE")) {
          String dir = "";
          if (mutatedClass != null && mutatedClass.contains(".")) {
            dir = mutatedClass.substring(0, mutatedClass.lastIndexOf('.')).replace('.', '/') + "/";
          }
          int[] c = byFile.computeIfAbsent(dir + sourceFile, k -> new int[2]);
          c[0] += detected ? 1 : 0;
          c[1]++;
        }
      }
    }
    List<FileMutations> out = new ArrayList<>();
    byFile.forEach((f, c) -> out.add(new FileMutations(f, c[0], c[1])));
    return new CoverageReport(path.toString(), "pit", List.of(), out);
  }
}
