package io.andon.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.andon.util.Json;
import io.andon.yaml.Loc;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** How a gate result is written: for people, for programs, for CI systems, for pull requests. */
public enum ReportFormat {
  /** One line per check: verdict, name, value, threshold. The default. */
  TEXT,
  /**
   * {@code {gate, passed, checks: [{name, metric, comparator, threshold, value, status, ...}]}}.
   */
  JSON,
  /** JUnit XML: one test case per check, which CI systems (Jenkins, GitLab, ...) display. */
  JUNIT,
  /** A Markdown table, for a pull-request comment. */
  MARKDOWN,
  /** SARIF 2.1.0, for code-scanning dashboards; results link to the check in the gates file. */
  SARIF;

  /** SARIF's schema address, written in {@code $schema}. */
  public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  public String lower() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Renders a result.
   *
   * @param gatesFile the file the gate came from, for links in SARIF; empty for gates built in code
   */
  public String render(GateResult result, Optional<Path> gatesFile) {
    return switch (this) {
      case TEXT -> text(result);
      case JSON -> Json.pretty(json(result)) + "\n";
      case JUNIT -> junit(result);
      case MARKDOWN -> markdown(result);
      case SARIF -> Json.pretty(sarif(result, gatesFile)) + "\n";
    };
  }

  static String text(GateResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("gate ").append(r.gate()).append(": ").append(r.summary()).append('\n');
    int width = 4;
    for (CheckResult c : r.checks()) {
      width = Math.max(width, c.name().length());
    }
    for (CheckResult c : r.checks()) {
      sb.append("  ")
          .append(pad(c.status().name(), 12))
          .append("  ")
          .append(pad(c.name(), width))
          .append("  ")
          .append(c.message());
      if (c.status() != Status.PASSED && c.check().severity() == Severity.WARNING) {
        sb.append(" [warning]");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** The JSON report as a tree. */
  public static ObjectNode json(GateResult r) {
    ObjectNode root = Json.object();
    root.put("gate", r.gate());
    root.put("passed", r.passed());
    root.put("summary", r.summary());
    ArrayNode checks = root.putArray("checks");
    for (CheckResult c : r.checks()) {
      ObjectNode o = checks.addObject();
      Check k = c.check();
      o.put("name", k.name());
      o.put("metric", k.metric());
      o.put("comparator", k.comparator().symbol());
      o.set("threshold", thresholdJson(c));
      o.set("value", number(c.value()));
      o.put("status", c.status().name());
      o.put("severity", k.severity().lower());
      o.put("message", c.message());
      o.put("blocking", c.blocking());
      o.put("allow_missing", k.allowMissing());
      o.put("source", c.source());
      if (k.threshold() instanceof Threshold.Regression g) {
        o.put(
            k.comparator() == Comparator.GREATER_OR_EQUAL ? "max_drop" : "max_rise", g.tolerance());
        o.set("baseline", number(c.baseline()));
        o.put(
            "baseline_source",
            c.baselineSource().isEmpty() ? g.baseline().describe() : c.baselineSource());
        o.put("baseline_metric", g.baselineMetric());
      }
      k.loc().ifPresent(l -> o.put("defined_at", l.toString()));
    }
    return root;
  }

  static JsonNode thresholdJson(CheckResult c) {
    if (c.check().threshold() instanceof Threshold.Range r) {
      ArrayNode a = Json.mapper().createArrayNode();
      a.add(r.low()).add(r.high());
      return a;
    }
    return number(c.threshold());
  }

  /** A number as JSON: null when absent, "NaN"/"Infinity"/"-Infinity" as strings. */
  static JsonNode number(OptionalDouble v) {
    if (v.isEmpty()) {
      return NullNode.instance;
    }
    double d = v.getAsDouble();
    return Double.isFinite(d) ? DoubleNode.valueOf(d) : TextNode.valueOf(Double.toString(d));
  }

  private static String value(CheckResult c) {
    return c.value().isPresent() ? Numbers.format(c.value().getAsDouble()) : "not measured";
  }

  private static String threshold(CheckResult c) {
    Check k = c.check();
    if (k.threshold() instanceof Threshold.Range) {
      return "between " + k.thresholdText();
    }
    if (c.threshold().isPresent()) {
      return k.comparator().symbol() + " " + Numbers.format(c.threshold().getAsDouble());
    }
    return k.comparator().symbol() + " " + k.thresholdText();
  }

  static String markdown(GateResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append("### ")
        .append(r.passed() ? "✅" : "❌")
        .append(" Quality gate `")
        .append(r.gate().replace("`", "'"))
        .append("` ")
        .append(r.passed() ? "passed" : "failed")
        .append("\n\n");
    String summary = r.summary();
    sb.append(cap(summary.substring(summary.indexOf(": ") + 2))).append(".\n\n");
    sb.append("| Status | Check | Value | Threshold | Details |\n");
    sb.append("|---|---|---:|---|---|\n");
    for (CheckResult c : r.checks()) {
      String icon =
          switch (c.status()) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case WARNING -> "⚠️";
            case NOT_MEASURED -> c.blocking() ? "❓" : "➖";
          };
      sb.append("| ")
          .append(icon)
          .append(' ')
          .append(c.status().name())
          .append(" | ")
          .append(cell(c.name()))
          .append(" | ")
          .append(cell(value(c)))
          .append(" | ")
          .append(cell(threshold(c)))
          .append(" | ")
          .append(cell(c.message()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String cap(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String cell(String s) {
    return s.replace("\\", "\\\\")
        .replace("|", "\\|")
        .replace("\r", " ")
        .replace("\n", " ")
        .replaceAll("<(?=[A-Za-z/!?])", "&lt;");
  }

  static String junit(GateResult r) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      long failures = r.blockingCount();
      long skipped =
          r.checks().stream()
              .filter(c -> !c.blocking() && c.status() == Status.NOT_MEASURED)
              .count();
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      w.writeAttribute("name", "andon gate " + xml(r.gate()));
      w.writeAttribute("tests", Integer.toString(r.checks().size()));
      w.writeAttribute("failures", Long.toString(failures));
      w.writeAttribute("errors", "0");
      w.writeAttribute("skipped", Long.toString(skipped));
      w.writeCharacters("\n  ");
      w.writeStartElement("testsuite");
      w.writeAttribute("name", "gate " + xml(r.gate()));
      w.writeAttribute("tests", Integer.toString(r.checks().size()));
      w.writeAttribute("failures", Long.toString(failures));
      w.writeAttribute("errors", "0");
      w.writeAttribute("skipped", Long.toString(skipped));
      w.writeAttribute("time", "0");
      for (CheckResult c : r.checks()) {
        w.writeCharacters("\n    ");
        w.writeStartElement("testcase");
        w.writeAttribute("classname", "gate." + xml(r.gate()));
        w.writeAttribute("name", xml(c.name()));
        w.writeAttribute("time", "0");
        String msg = xml(c.message());
        if (c.blocking()) {
          w.writeStartElement("failure");
          w.writeAttribute("message", msg);
          w.writeAttribute("type", c.status().name());
          w.writeCharacters(xml(detail(c)));
          w.writeEndElement();
        } else if (c.status() == Status.NOT_MEASURED) {
          w.writeStartElement("skipped");
          w.writeAttribute("message", msg);
          w.writeEndElement();
        } else {
          w.writeStartElement("system-out");
          w.writeCharacters(c.status().name() + ": " + msg);
          w.writeEndElement();
        }
        w.writeEndElement();
      }
      w.writeCharacters("\n  ");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static String detail(CheckResult c) {
    Check k = c.check();
    return c.status().name()
        + ": "
        + c.message()
        + "\nmetric: "
        + k.metric()
        + "\nvalue: "
        + value(c)
        + "\nthreshold: "
        + threshold(c)
        + (c.source().isEmpty() ? "" : "\nsource: " + c.source())
        + k.loc().map(l -> "\ndefined at: " + l).orElse("");
  }

  /** Drops characters XML 1.0 cannot hold (control characters other than tab and newline). */
  static String xml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean ok =
          ch == '\t'
              || ch == '\n'
              || ch == '\r'
              || (ch >= 0x20 && ch <= 0xD7FF)
              || (ch >= 0xE000 && ch <= 0xFFFD)
              || Character.isSurrogate(ch);
      sb.append(ok ? ch : '?');
    }
    return sb.toString();
  }

  static ObjectNode sarif(GateResult r, Optional<Path> gatesFile) {
    ObjectNode root = Json.object();
    root.put("$schema", SARIF_SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "andon");
    String v = ReportFormat.class.getPackage().getImplementationVersion();
    driver.put("semanticVersion", v == null ? "0.0.0-dev" : v);
    ArrayNode rules = driver.putArray("rules");
    ArrayNode results = run.putArray("results");
    Optional<String> uri = gatesFile.map(ReportFormat::uri);
    int i = 0;
    for (CheckResult c : r.checks()) {
      Check k = c.check();
      String id = "gate/" + r.gate() + "/" + k.name();
      ObjectNode rule = rules.addObject();
      rule.put("id", id);
      rule.put("name", k.name());
      rule.putObject("shortDescription").put("text", k.metric() + " " + threshold(c));
      rule.putObject("defaultConfiguration")
          .put("level", k.severity() == Severity.ERROR ? "error" : "warning");
      ObjectNode res = results.addObject();
      res.put("ruleId", id);
      res.put("ruleIndex", i++);
      String kind;
      String level;
      if (c.status() == Status.PASSED) {
        kind = "pass";
        level = "none";
      } else if (c.status() == Status.NOT_MEASURED && !c.blocking()) {
        kind = "open";
        level = "none";
      } else {
        kind = "fail";
        level = c.status() == Status.WARNING ? "warning" : "error";
      }
      res.put("kind", kind);
      res.put("level", level);
      res.putObject("message")
          .put(
              "text",
              "Gate '"
                  + r.gate()
                  + "', check '"
                  + k.name()
                  + "': "
                  + c.status().name()
                  + ". "
                  + c.message());
      if (uri.isPresent() && k.loc().isPresent()) {
        Loc l = k.loc().get();
        ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
        phys.putObject("artifactLocation").put("uri", uri.get());
        ObjectNode region = phys.putObject("region");
        region.put("startLine", Math.max(1, l.line()));
        region.put("startColumn", Math.max(1, l.column()));
      }
      ObjectNode props = res.putObject("properties");
      props.put("status", c.status().name());
      props.put("metric", k.metric());
      props.set("value", number(c.value()));
      props.set("threshold", thresholdJson(c));
      props.put("blocking", c.blocking());
    }
    ObjectNode props = run.putObject("properties");
    props.put("gate", r.gate());
    props.put("passed", r.passed());
    return root;
  }

  /** A relative URI when the file is under the working folder, else a file: URI. */
  static String uri(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    if (abs.startsWith(cwd)) {
      StringBuilder sb = new StringBuilder();
      for (Path part : cwd.relativize(abs)) {
        if (sb.length() > 0) {
          sb.append('/');
        }
        sb.append(
            java.net.URLEncoder.encode(part.toString(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
      }
      return sb.toString();
    }
    return abs.toUri().toString();
  }
}
