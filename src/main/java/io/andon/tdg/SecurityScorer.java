package io.andon.tdg;

import io.andon.tdg.security.Finding;
import io.andon.tdg.security.SecurityScan;
import io.andon.tdg.security.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Security: known vulnerabilities of the dependencies, weighted by severity. */
final class SecurityScorer implements ComponentScorer {
  @Override
  public String name() {
    return "security";
  }

  @Override
  public Scored score(Inputs in) {
    SecurityScan.Result s = in.security();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dependencies", s.dependencies().size());
    m.put("dependency_source", s.dependencySource());
    m.put("sources", s.sources());
    m.put("unresolved_dependencies", s.unresolved());
    m.put("unpinned_dependencies", s.unpinned());
    if (!s.measured()) {
      return new Scored(Components.notMeasured(name(), s.reason(), m));
    }
    m.put("vulnerabilities", s.vulnerabilities().size());
    m.put("advisories", s.advisories().size());
    for (Severity sev :
        List.of(
            Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.UNKNOWN)) {
      m.put(sev.name().toLowerCase(Locale.ROOT), s.count(sev));
    }
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : s.findings()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", f.id());
      x.put("aliases", f.aliases());
      x.put("package", f.packageName());
      x.put("version", f.version());
      x.put("severity", f.severity().name());
      x.put("kind", f.severity().isVulnerability() ? "vulnerability" : "advisory");
      x.put("fixed_in", f.fixedIn().isEmpty() ? null : f.fixedIn());
      x.put("summary", f.summary());
      x.put("source", f.source());
      x.put("declared_in", f.declaredIn());
      findings.add(x);
    }
    m.put("findings", findings);
    double score =
        Scoring.security(
            s.count(Severity.CRITICAL),
            s.count(Severity.HIGH),
            s.count(Severity.MEDIUM),
            s.count(Severity.LOW) + s.count(Severity.UNKNOWN));
    return new Scored(Components.measured(name(), score, m));
  }
}
