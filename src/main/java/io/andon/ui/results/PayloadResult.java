package io.andon.ui.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/** What one of andon's own payloads found, as the task run page shows it. */
public sealed interface PayloadResult {

  /** A task that is not a gate, TDG or monitor task, or one that has recorded nothing yet. */
  record None() implements PayloadResult {}

  /** A {@code gate_task}'s evaluations (one per attempt that got that far), newest last. */
  record Gate(List<Evaluation> evaluations) implements PayloadResult {
    public Gate {
      evaluations = List.copyOf(evaluations);
    }
  }

  /** One evaluation of a gate: its verdict and every check. */
  record Evaluation(String gate, boolean passed, java.time.Instant at, List<GateCheck> checks) {
    public Evaluation {
      Objects.requireNonNull(gate, "gate");
      Objects.requireNonNull(at, "at");
      checks = List.copyOf(checks);
    }

    /** How many checks ended with {@code status}. */
    public long count(String status) {
      return checks.stream().filter(c -> c.status().equals(status)).count();
    }
  }

  /**
   * One check of a gate, as {@code gate_checks} stores it.
   *
   * @param status PASSED, FAILED, WARNING or NOT_MEASURED
   * @param threshold the threshold as JSON text: a number, or {@code [low, high]} for a range
   * @param value the measured value as text, empty when not measured
   * @param baseline the baseline a max_drop / max_rise check compared with
   */
  record GateCheck(
      String name,
      String metric,
      String comparator,
      String threshold,
      Optional<String> value,
      OptionalDouble baseline,
      String status,
      String severity,
      boolean blocking,
      String message) {
    public GateCheck {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(baseline, "baseline");
    }

    /** "<= 100.0", or "—" when the check was not evaluated against a threshold. */
    public String condition() {
      return threshold.equals("null") ? "—" : comparator + " " + threshold;
    }
  }

  /** A {@code tdg_task}'s grade, with its components and worst files. */
  record Tdg(
      double score,
      String grade,
      List<Component> components,
      List<String> notMeasured,
      List<FileScore> worstFiles)
      implements PayloadResult {
    public Tdg {
      Objects.requireNonNull(grade, "grade");
      components = List.copyOf(components);
      notMeasured = List.copyOf(notMeasured);
      worstFiles = List.copyOf(worstFiles);
    }
  }

  /** A TDG component: its score (empty when not measured) and status. */
  record Component(String name, OptionalDouble score, String status) {}

  /** A graded file, with the sub-scores measured for it. */
  record FileScore(
      String path,
      double score,
      String grade,
      OptionalDouble complexity,
      OptionalDouble coverage,
      OptionalDouble documentation) {}

  /**
   * A {@code monitor_task}'s drift table.
   *
   * @param verdict DRIFT, NO_DRIFT or NOT_ENOUGH_DATA
   * @param monitor the monitor whose rows these are, for a monitor file (its page links there)
   */
  record Drift(String verdict, Optional<String> monitor, List<DriftRow> rows)
      implements PayloadResult {
    public Drift {
      Objects.requireNonNull(verdict, "verdict");
      Objects.requireNonNull(monitor, "monitor");
      rows = List.copyOf(rows);
    }
  }

  /**
   * A column's comparison.
   *
   * @param group the window, drift type, model and slice it belongs to ("" for a plain comparison)
   */
  record DriftRow(
      String group,
      String column,
      String status,
      boolean drifted,
      OptionalDouble psi,
      OptionalDouble jsDistance,
      OptionalDouble wassersteinNormed,
      OptionalDouble pvalue,
      OptionalDouble nullShareDelta,
      String reason) {
    public DriftRow {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
