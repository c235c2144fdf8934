package io.andon.spark;

import io.andon.monitor.MonitorSpec;
import io.andon.monitor.TimestampColumn;
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
    // DeclaredColumns has checked that the column exists
    String c = SparkTables.ident(ts);
    String expr = TimestampColumn.cast(ts, SparkTables.info(input, ts), SparkTables::ident);
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
    TimestampColumn.judge(
        ts,
        input.describe(),
        r.getLong(0),
        r.getLong(1),
        r.getLong(2),
        r.isNullAt(3) ? "" : r.getString(3),
        warnings);
  }
}
