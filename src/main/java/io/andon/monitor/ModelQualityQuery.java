package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.Duck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the labels, predictions and scores of an inference log's window and slice and computes its
 * {@link ModelQuality} metrics. Rows with a null label or prediction are left out; without {@code
 * label_col} there are none.
 */
final class ModelQualityQuery {
  private final MonitorSpec spec;
  private final Duck duck;

  ModelQualityQuery(MonitorSpec spec, Duck duck) {
    this.spec = spec;
    this.duck = duck;
  }

  Map<String, Object> of(Duck.Table view) {
    String pred = Duck.ident(spec.predictionCol().orElseThrow());
    if (spec.labelCol().isEmpty()) {
      return Map.of();
    }
    String label = Duck.ident(spec.labelCol().get());
    String from = Duck.ident(view.name());
    boolean classification =
        spec.problemType().orElseThrow() == MonitorSpec.ProblemType.CLASSIFICATION;
    String both = " FROM " + from + " WHERE " + label + " IS NOT NULL AND " + pred + " IS NOT NULL";
    try (Statement s = duck.connection().createStatement()) {
      return classification
          ? classification(s, label, pred, both)
          : regression(s, label, pred, both);
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot compute model quality from prediction_col/"
              + "label_col: "
              + Duck.clean(e.getMessage())
              + (classification ? "" : " (regression" + " needs numeric labels and predictions)"),
          e);
    }
  }

  /**
   * The fairness metrics of the rows of {@code group} against those of {@code rest}, for a
   * classification log with labels; empty otherwise.
   */
  Map<String, Object> fairness(Duck.Table group, Duck.Table rest) {
    if (spec.labelCol().isEmpty()
        || spec.problemType().orElseThrow() != MonitorSpec.ProblemType.CLASSIFICATION) {
      return Map.of();
    }
    List<List<String>> a = pairs(group);
    List<List<String>> b = pairs(rest);
    return ModelQuality.fairness(a.get(0), a.get(1), b.get(0), b.get(1));
  }

  /** The labels and the predictions, as text, of the rows that have both. */
  private List<List<String>> pairs(Duck.Table view) {
    String label = Duck.ident(spec.labelCol().orElseThrow());
    String pred = Duck.ident(spec.predictionCol().orElseThrow());
    List<String> labels = new ArrayList<>();
    List<String> preds = new ArrayList<>();
    try (Statement s = duck.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CAST("
                    + label
                    + " AS VARCHAR), CAST("
                    + pred
                    + " AS VARCHAR) FROM "
                    + Duck.ident(view.name())
                    + " WHERE "
                    + label
                    + " IS NOT NULL AND "
                    + pred
                    + " IS NOT NULL")) {
      while (rs.next()) {
        labels.add(rs.getString(1));
        preds.add(rs.getString(2));
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot compute fairness metrics from prediction_col/"
              + "label_col: "
              + Duck.clean(e.getMessage()),
          e);
    }
    return List.of(labels, preds);
  }

  private Map<String, Object> classification(Statement s, String label, String pred, String rows)
      throws SQLException {
    String proba =
        spec.predictionProbaCol().map(p -> "CAST(" + Duck.ident(p) + " AS DOUBLE)").orElse("NULL");
    List<String> labels = new ArrayList<>();
    List<String> preds = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT CAST("
                + label
                + " AS VARCHAR), CAST("
                + pred
                + " AS VARCHAR), "
                + proba
                + rows)) {
      while (rs.next()) {
        labels.add(rs.getString(1));
        preds.add(rs.getString(2));
        double sc = rs.getDouble(3);
        scores.add(rs.wasNull() ? Double.NaN : sc);
      }
    }
    double[] sc = new double[spec.predictionProbaCol().isPresent() ? scores.size() : 0];
    for (int i = 0; i < sc.length; i++) {
      sc[i] = scores.get(i);
    }
    return ModelQuality.classification(labels, preds, sc);
  }

  private static Map<String, Object> regression(Statement s, String label, String pred, String rows)
      throws SQLException {
    List<double[]> pairs = new ArrayList<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT CAST(" + label + " AS DOUBLE), CAST(" + pred + " AS DOUBLE)" + rows)) {
      while (rs.next()) {
        pairs.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
      }
    }
    double[] y = new double[pairs.size()];
    double[] p = new double[pairs.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = pairs.get(i)[0];
      p[i] = pairs.get(i)[1];
    }
    return ModelQuality.regression(y, p);
  }
}
