package io.andon.monitor.report;

import static io.andon.monitor.DriftAnalysis.fmt;
import static io.andon.monitor.DriftAnalysis.fmtP;

import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The drift report as a table for a terminal. */
public final class TextReport {
  private TextReport() {}

  public static String render(DriftReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("baseline: ")
        .append(r.baseline())
        .append(" (")
        .append(r.baselineRows())
        .append(" rows)\n");
    sb.append("current:  ")
        .append(r.current())
        .append(" (")
        .append(r.currentRows())
        .append(" rows)\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "column",
          "type",
          "drift",
          "psi",
          "psi_band",
          "js",
          "wasserstein_n",
          "ks_stat",
          "ks_p",
          "chi2_p",
          "tv"
        });
    for (ColumnDrift c : r.columnsByConcern()) {
      rows.add(
          new String[] {
            c.columnName(),
            c.dataType(),
            c.status().label(),
            opt(c.populationStabilityIndex()),
            c.psiBand().map(ColumnDrift.PsiBand::label).orElse("-"),
            opt(c.jsDistance()),
            opt(c.wassersteinDistanceNormed()),
            c.ksTest().map(k -> fmt(k.statistic())).orElse("-"),
            c.ksTest().map(k -> fmtP(k.pvalue())).orElse("-"),
            c.chiSquaredTest().map(k -> fmtP(k.pvalue())).orElse("-"),
            opt(c.tvDistance())
          });
    }
    int[] w = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        if (i < 3 || i == 4) {
          line.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cell));
        } else {
          line.append(String.format(Locale.ROOT, "%" + w[i] + "s", cell));
        }
        line.append(i + 1 < row.length ? "  " : "");
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    sb.append('\n');
    for (ColumnDrift c : r.columnsByConcern()) {
      if (c.driftDetected()) {
        sb.append("drift in '")
            .append(c.columnName())
            .append("': ")
            .append(c.reason())
            .append('\n');
      } else if (c.status() == ColumnDrift.Status.NOT_ENOUGH_DATA) {
        sb.append("not enough data in '")
            .append(c.columnName())
            .append("': ")
            .append(c.reason())
            .append('\n');
      }
    }
    Set<String> warnings = new LinkedHashSet<>(r.warnings());
    for (ColumnDrift c : r.columns()) {
      warnings.addAll(c.warnings());
    }
    if (!warnings.isEmpty()) {
      sb.append(warnings.size() == 1 ? "warning:\n" : "warnings:\n");
      for (String s : warnings) {
        sb.append("  ").append(s).append('\n');
      }
    }
    sb.append(QualityReport.text(r.quality().checks(), ""));
    sb.append("\nresult: ").append(r.verdict().summary()).append('\n');
    sb.append("rule: ").append(r.verdict().rule()).append('\n');
    return sb.toString();
  }

  private static String opt(java.util.OptionalDouble d) {
    return d.isPresent() ? fmt(d.getAsDouble()) : "-";
  }
}
