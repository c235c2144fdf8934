package io.andon.tdg.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The security measurement of a project: its dependencies matched against an offline OSV folder,
 * plus the findings of OWASP dependency-check and CycloneDX vulnerability reports. Without any
 * advisory data the measurement is not made (and says why), rather than reporting "no findings".
 */
public final class SecurityScan {
  /** Where the dependency list comes from, tried in this order, relative to the project root. */
  public static final List<String> SBOM_PLACES =
      List.of("target/bom.json", "bom.json", "target/classes/META-INF/sbom/application.cdx.json");

  public static final List<String> LIST_PLACES =
      List.of("target/dependencies.txt", "target/dependency-list.txt");
  public static final List<String> REPORT_PLACES =
      List.of("target/dependency-check-report.json", "dependency-check-report.json");

  /**
   * The outcome.
   *
   * @param measured false when no advisory data or no dependency list was available
   * @param reason why not measured; empty when measured
   * @param dependencySource where the dependency list came from
   * @param dependencies the dependencies checked
   * @param unresolved dependencies whose version andon could not tell, or that are not from a
   *     package index advisories name (git, paths, URLs), each with its origin and why
   * @param unpinned requirements that admit a range of versions, not matched, each with its origin
   *     and the advisories that list a version inside the range
   * @param findings deduplicated findings, worst first
   * @param sources advisory folders and reports used
   */
  public record Result(
      boolean measured,
      String reason,
      String dependencySource,
      List<Dependency> dependencies,
      List<String> unresolved,
      List<String> unpinned,
      List<Finding> findings,
      List<String> sources) {
    public Result {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(dependencySource, "dependencySource");
      dependencies = List.copyOf(dependencies);
      unresolved = List.copyOf(unresolved);
      unpinned = List.copyOf(unpinned);
      findings = List.copyOf(findings);
      sources = List.copyOf(sources);
    }

    public List<Finding> vulnerabilities() {
      return findings.stream().filter(f -> f.severity().isVulnerability()).toList();
    }

    public List<Finding> advisories() {
      return findings.stream().filter(f -> !f.severity().isVulnerability()).toList();
    }

    public long count(Severity s) {
      return findings.stream().filter(f -> f.severity() == s).count();
    }
  }

  private SecurityScan() {}

  /**
   * Scans {@code project}.
   *
   * @param advisories an OSV folder, when given
   * @param reports OWASP dependency-check or CycloneDX vulnerability reports given explicitly; the
   *     usual places are searched as well
   */
  public static Result run(Path project, Optional<Path> advisories, List<Path> reports) {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(advisories, "advisories");
    List<String> sources = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<Path> allReports = new ArrayList<>(reports);
    for (String place : REPORT_PLACES) {
      Path p = project.resolve(place);
      if (Files.isRegularFile(p) && !allReports.contains(p)) {
        allReports.add(p);
      }
    }
    // dependencies: SBOM, else dependency:list output, else pom.xml
    List<Dependency> deps = new ArrayList<>();
    List<String> unresolved = new ArrayList<>();
    String depSource = "";
    for (String place : SBOM_PLACES) {
      Path p = project.resolve(place);
      if (Files.isRegularFile(p)) {
        JsonNode bom = DependencyReaders.json(p, place);
        if ("CycloneDX".equals(bom.path("bomFormat").asText())) {
          deps.addAll(DependencyReaders.cycloneDx(bom, place));
          depSource = place + " (CycloneDX SBOM)";
          if (VulnerabilityReports.isCycloneDxWithVulnerabilities(bom) && !allReports.contains(p)) {
            allReports.add(p);
          }
          break;
        }
      }
    }
    if (depSource.isEmpty()) {
      for (String place : LIST_PLACES) {
        Path p = project.resolve(place);
        if (Files.isRegularFile(p)) {
          deps.addAll(DependencyReaders.dependencyList(p, place));
          depSource = place + " (mvn dependency:list)";
          break;
        }
      }
    }
    if (depSource.isEmpty() && Files.isRegularFile(project.resolve("pom.xml"))) {
      DependencyReaders.PomDependencies pom =
          DependencyReaders.pom(project.resolve("pom.xml"), "pom.xml");
      deps.addAll(pom.resolved());
      unresolved.addAll(pom.unresolved());
      depSource = "pom.xml (declared dependencies)";
    }
    boolean mavenDeps = !depSource.isEmpty();
    List<DependencySet.Requirement> unpinned = new ArrayList<>();
    List<String> depSources = new ArrayList<>(mavenDeps ? List.of(depSource) : List.of());
    for (DependencySet set :
        List.of(PythonDependencies.read(project), CargoDependencies.read(project))) {
      deps.addAll(set.dependencies());
      unpinned.addAll(set.unpinned());
      unresolved.addAll(set.unchecked());
      depSources.addAll(set.sources());
    }
    depSource = String.join(", ", depSources);
    Optional<OsvDatabase> db = advisories.map(OsvDatabase::load);
    db.ifPresent(
        d -> {
          sources.add(advisories.get() + " (" + d.size() + " OSV files)");
          findings.addAll(d.match(deps));
        });
    List<String> unpinnedText = unpinned.stream().map(r -> Unpinned.describe(r, db)).toList();
    for (Path r : allReports) {
      findings.addAll(VulnerabilityReports.read(r));
      sources.add(r.toString());
    }
    boolean haveAdvisoryData = advisories.isPresent() || !allReports.isEmpty();
    boolean haveDeps = mavenDeps || !deps.isEmpty() || !allReports.isEmpty();
    String reason = "";
    if (!haveAdvisoryData) {
      reason =
          "no advisory data: pass --advisories DIR (a folder of OSV JSON files) or put an"
              + " OWASP dependency-check JSON report at target/dependency-check-report.json";
    } else if (!haveDeps && !unpinned.isEmpty()) {
      reason =
          "no dependency pins a version: "
              + unpinned.size()
              + " requirements admit a range"
              + " of versions ("
              + unpinned.get(0)
              + " in "
              + unpinned.get(0).origin()
              + (unpinned.size() > 1 ? ", ..." : "")
              + "), so none can be matched. Commit a lock file"
              + " (poetry.lock, uv.lock, Pipfile.lock, Cargo.lock) or pin versions with ==";
    } else if (!haveDeps) {
      reason =
          "no dependency list: no pom.xml, CycloneDX SBOM (target/bom.json),"
              + " target/dependencies.txt (mvn dependency:list -DoutputFile=target/dependencies.txt),"
              + " Python requirements, pyproject.toml or lock file, or Cargo.lock";
    }
    return new Result(
        reason.isEmpty(),
        reason,
        depSource,
        deps,
        unresolved,
        unpinnedText,
        dedupe(findings),
        sources);
  }

  /** Two versions of one package are two findings; a report that names no version matches any. */
  private static boolean sameVersion(Finding a, Finding b) {
    return a.version().equals(b.version()) || a.version().isEmpty() || b.version().isEmpty();
  }

  private static List<Finding> dedupe(List<Finding> findings) {
    Map<String, Finding> seen = new LinkedHashMap<>();
    for (Finding f : findings) {
      String key = f.packageName() + "@" + f.version() + "#" + f.id();
      boolean dup = false;
      for (Finding other : seen.values()) {
        if (other.packageName().equals(f.packageName())
            && sameVersion(other, f)
            && (other.id().equals(f.id())
                || other.aliases().contains(f.id())
                || f.aliases().contains(other.id()))) {
          dup = true;
          if (f.severity().compareTo(other.severity()) > 0) {
            seen.put(other.packageName() + "@" + other.version() + "#" + other.id(), f);
          }
          break;
        }
      }
      if (!dup) {
        seen.put(key, f);
      }
    }
    List<Finding> out = new ArrayList<>(seen.values());
    out.sort((a, b) -> b.severity().compareTo(a.severity()));
    return out;
  }
}
