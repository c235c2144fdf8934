package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.data.Duck;
import io.andon.util.Strings;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a monitor's timestamp column as UTC timestamps, into the column {@value #TS} of a view of
 * the input, as the single-machine engine does: rows whose timestamp is null or does not parse are
 * left out of every window, with a warning; a column that does not parse at all, or is not a time
 * or text, is invalid input.
 */
final class Timestamps {
  static final String TS = "__andon_ts";

  private final SparkSession spark;

  Timestamps(SparkSession spark) {
    this.spark = spark;
  }

  void timed(
      MonitorSpec spec, SparkTables.Table input, String from, String to, List<String> warnings) {
    if (spec.timestampCol().isEmpty()) {
      spark.sql("SELECT * FROM " + from).createOrReplaceTempView(to);
      return;
    }
    String ts = spec.timestampCol().get();
    if (!input.types().containsKey(ts)) {
      List<String> names = new ArrayList<>(input.types().keySet());
      throw new InvalidInputException(
          "timestamp_col '"
              + ts
              + "' is not a column of "
              + input.describe()
              + "."
              + Strings.didYouMean(ts, names)
              + " Columns: "
              + String.join(", ", names)
              + ".");
    }
    Duck.ColumnInfo col = SparkTables.info(input, ts);
    String c = SparkTables.ident(ts);
    String expr;
    if (col.isTemporal()) {
      expr = "CAST(" + c + " AS TIMESTAMP)";
    } else if (col.type().equals("VARCHAR")) {
      expr = "try_cast(" + c + " AS TIMESTAMP)";
    } else {
      throw new InvalidInputException(
          "timestamp_col '"
              + ts
              + "' is "
              + col.type()
              + ", not a timestamp. Store it as a TIMESTAMP or DATE column, or as ISO-8601 text"
              + " such as '2026-11-28 13:45:00'.");
    }
    spark.sql("SELECT *, " + expr + " AS " + TS + " FROM " + from).createOrReplaceTempView(to);
    Row r =
        spark
            .sql(
                "SELECT count(*), count(CASE WHEN "
                    + TS
                    + " IS NULL AND "
                    + c
                    + " IS NOT NULL THEN 1 END), count(CASE WHEN "
                    + c
                    + " IS NULL THEN 1 END), first(CASE WHEN "
                    + TS
                    + " IS NULL AND "
                    + c
                    + " IS NOT NULL THEN CAST("
                    + c
                    + " AS STRING) END, true) FROM "
                    + to)
            .first();
    long rows = r.getLong(0);
    long bad = r.getLong(1);
    long nulls = r.getLong(2);
    String example = r.isNullAt(3) ? "" : r.getString(3);
    if (bad > 0 && bad + nulls == rows) {
      throw new InvalidInputException(
          "timestamp_col '"
              + ts
              + "' of "
              + input.describe()
              + " does not parse as a timestamp (e.g. '"
              + example
              + "'). Write timestamps as ISO-8601, such as '2026-11-28 13:45:00'.");
    }
    if (bad > 0) {
      warnings.add(
          "timestamp_col '"
              + ts
              + "': "
              + bad
              + " of "
              + rows
              + " values do not parse as timestamps (e.g. '"
              + example
              + "'); those rows are left out of every window.");
    }
    if (nulls > 0) {
      warnings.add(
          "timestamp_col '"
              + ts
              + "': "
              + nulls
              + " rows have no timestamp and are left out of every window.");
    }
  }
}
