package io.andon.tdg;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The components andon grades, in report order, and what their scorers share. */
final class Components {
  /** Every component, in the order of the report. */
  static final List<ComponentScorer> STANDARD =
      List.of(
          new ComplexityScorer(),
          new CoverageScorer(),
          new DocumentationScorer(),
          new SecurityScorer());

  private Components() {}

  static TdgReport.Component notMeasured(String name, String reason, Map<String, Object> metrics) {
    return new TdgReport.Component(
        name, TdgReport.NOT_MEASURED, OptionalDouble.empty(), 0, 0, reason, metrics);
  }

  static TdgReport.Component measured(String name, double score, Map<String, Object> metrics) {
    return new TdgReport.Component(
        name, TdgReport.MEASURED, OptionalDouble.of(Scoring.round1(score)), 0, 0, "", metrics);
  }

  /** A fraction as a percentage with one decimal, or null (JSON null) when not measured. */
  static Object pct(OptionalDouble d) {
    return d.isPresent() ? (Object) Scoring.round1(100 * d.getAsDouble()) : null;
  }
}
