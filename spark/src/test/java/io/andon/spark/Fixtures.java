package io.andon.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Generated inference logs, written by DuckDB: {@code n} rows over 8 days from 2026-01-01, two
 * models, a normal {@code age} that shifts by 1 sd from the fifth day (2026-01-05, a Monday) when
 * {@code shifted}, integers with zeros, an {@code income} with nulls, four countries, a request id,
 * and a score, a label that follows it and a prediction.
 */
final class Fixtures {
  private Fixtures() {}

  static void log(Path file, int n, double seed, boolean shifted) {
    String format =
        file.toString().endsWith(".csv")
            ? "(FORMAT csv, HEADER)"
            : file.toString().endsWith(".jsonl") ? "(FORMAT json)" : "(FORMAT parquet)";
    sql(
        "SELECT setseed(" + seed + ")",
        "CREATE TABLE t AS SELECT i, random() AS u1, random() AS u2, random() AS u3, random() AS"
            + " u4, random() AS u5, random() AS u6 FROM range("
            + n
            + ") r(i)",
        "COPY (SELECT TIMESTAMP '2026-01-01 00:00:00' + to_seconds(CAST(i * 8 * 86400 / "
            + n
            + " AS BIGINT)) AS ts, CASE WHEN i % 3 = 0 THEN 'v2' ELSE 'v1' END AS model, i AS"
            + " request_id, 40 + 10 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)"
            + (shifted ? " + CASE WHEN i >= " + (n / 2) + " THEN 10 ELSE 0 END" : "")
            + " AS age, CAST(floor(u3 * 10) AS BIGINT) AS items, CASE WHEN i % 20 = 7 THEN NULL"
            + " ELSE round(1000 + u4 * 500, 2) END AS"
            + " income, ['US', 'DE', 'FR', 'BR'][1 + CAST(floor(u5 * 4) AS INTEGER)] AS country,"
            + " u6 AS score, CASE WHEN u6 > 0.5 THEN 1 ELSE 0 END AS prediction, CASE WHEN"
            + " u3 < u6 * 0.8 + 0.1 THEN 1 ELSE 0 END AS label FROM t ORDER BY i) TO '"
            + file
            + "' "
            + format);
  }

  static void sql(String... statements) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static Path write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * An inference log monitor over generated data in {@code dir} (a baseline of 4,000 rows, 8,000
   * current rows): two models, two granularities, a column and a predicate slice, custom aggregate,
   * derived and drift metrics. Returns the monitor file.
   */
  static Path inferenceLog(Path dir) {
    log(dir.resolve("base.parquet"), 4000, 0.1, false);
    log(dir.resolve("cur.parquet"), 8000, 0.2, true);
    return write(
        dir.resolve("eq.yaml"),
        """
            name: eq
            table: cur.parquet
            baseline_table: base.parquet
            profile_type: inference_log
            timestamp_col: ts
            granularities: ["1 day", "1 week"]
            model_id_col: model
            prediction_col: prediction
            prediction_proba_col: score
            label_col: label
            problem_type: classification
            slicing_exprs: ["country", "age > 50"]
            custom_metrics:
              - name: share_over_60
                type: aggregate
                input_columns: [age]
                definition: avg(CASE WHEN {{input_column}} > 60 THEN 1.0 ELSE 0.0 END)
              - name: rows_labelled
                type: aggregate
                input_columns: [":table"]
                definition: count({{label_col}})
              - name: spread
                type: derived
                input_columns: [age]
                definition: max - min
              - name: avg_ratio
                type: drift
                input_columns: [age]
                definition: "{{current_df}}.avg / {{base_df}}.avg"
            """);
  }
}
