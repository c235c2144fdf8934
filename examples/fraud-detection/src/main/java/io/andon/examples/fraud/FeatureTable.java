package io.andon.examples.fraud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A feature table in memory: one row per transaction, its label (1 = fraud) and its features.
 *
 * @param names feature names, in column order
 * @param ids transaction ids
 * @param labels 1 for fraud, 0 otherwise
 * @param rows feature values, {@code rows[i][j]} is feature {@code names[j]} of row {@code i}
 */
public record FeatureTable(List<String> names, long[] ids, int[] labels, double[][] rows) {
  public FeatureTable {
    names = List.copyOf(names);
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(rows, "rows");
    if (ids.length != labels.length || ids.length != rows.length) {
      throw new IllegalArgumentException("ids, labels and rows differ in length");
    }
    for (double[] r : rows) {
      if (r.length != names.size()) {
        throw new IllegalArgumentException(
            "a row has " + r.length + " values for " + names.size() + " features");
      }
    }
  }

  /** Number of rows. */
  public int size() {
    return ids.length;
  }

  /** Number of rows labelled fraud. */
  public int frauds() {
    int n = 0;
    for (int l : labels) {
      n += l;
    }
    return n;
  }

  /** Reads a Parquet file written by {@link FeatureBuilder}. */
  public static FeatureTable readParquet(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          file + ": the feature table does not exist; run the features" + " task first.");
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT * FROM read_parquet("
                    + FeatureBuilder.literal(file)
                    + ") ORDER BY transaction_id")) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      List<Integer> featureColumns = new ArrayList<>();
      int idColumn = -1;
      int labelColumn = -1;
      for (int i = 1; i <= md.getColumnCount(); i++) {
        String name = md.getColumnName(i);
        if (name.equals("transaction_id")) {
          idColumn = i;
        } else if (name.equals("is_fraud")) {
          labelColumn = i;
        } else {
          names.add(name);
          featureColumns.add(i);
        }
      }
      if (idColumn < 0 || labelColumn < 0) {
        throw new BadInputException(file + ": columns transaction_id and is_fraud are required.");
      }
      List<Long> ids = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getLong(idColumn));
        int label = rs.getInt(labelColumn);
        if (label != 0 && label != 1) {
          throw new BadInputException(
              file
                  + ": transaction "
                  + rs.getLong(idColumn)
                  + " has is_fraud = "
                  + label
                  + "; it must be 0 or 1.");
        }
        labels.add(label);
        double[] r = new double[featureColumns.size()];
        for (int j = 0; j < r.length; j++) {
          r[j] = rs.getDouble(featureColumns.get(j));
          if (rs.wasNull()) {
            r[j] = Double.NaN;
          }
        }
        rows.add(r);
      }
      return new FeatureTable(
          names,
          ids.stream().mapToLong(Long::longValue).toArray(),
          labels.stream().mapToInt(Integer::intValue).toArray(),
          rows.toArray(new double[0][]));
    } catch (SQLException e) {
      throw new BadInputException(file + ": cannot read the feature table: " + e.getMessage());
    }
  }
}
