package io.andon.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.report.MonitorJson;
import io.andon.util.Json;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Appends a run's rows to the Delta tables {@code DIR/profile_metrics} and {@code
 * DIR/drift_metrics}, the Lakehouse way: one commit per table and run, each row with its {@code
 * monitor_name} and {@code run_at}, the columns of the JSON report (nested metrics such as
 * quantiles stay nested). A column a run adds is added to the table (Delta's schema merge); a
 * column whose type differs from the table's is invalid input, and the table keeps its rows.
 */
final class DeltaExport {
  static final List<String> TABLES = List.of("profile_metrics", "drift_metrics");

  private DeltaExport() {}

  static void write(SparkSession spark, MonitorResult r, String dir) {
    if (!SparkSessions.deltaPresent()) {
      throw new InvalidInputException(
          "--delta "
              + dir
              + ": Delta Lake (io.delta:delta-spark_2.13) is not on the class path; build"
              + " andon-spark with ./mvnw package (target/lib holds it).");
    }
    JsonNode all = MonitorJson.toJson(r);
    String base = dir.replaceAll("/+$", "");
    for (String table : TABLES) {
      List<String> lines = new ArrayList<>();
      for (JsonNode row : all.get(table)) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("monitor_name", r.monitorName());
        o.put("run_at", r.runAt().toString());
        o.setAll((ObjectNode) row);
        lines.add(Json.write(o));
      }
      if (lines.isEmpty()) {
        continue;
      }
      String path = base + "/" + table;
      try {
        Dataset<Row> rows =
            spark
                .read()
                .option("dropFieldIfAllNull", "true")
                .json(spark.createDataset(lines, Encoders.STRING()));
        rows.write().format("delta").mode("append").option("mergeSchema", "true").save(path);
      } catch (Exception e) { // Delta throws Spark's checked AnalysisException undeclared
        throw new InvalidInputException(
            "cannot append the run's "
                + table
                + " to the Delta table "
                + path
                + ": "
                + Failures.first(e)
                + ". Pass --delta a folder Spark can write, or a new one when the table's"
                + " columns differ in type from this run's.",
            e);
      }
    }
  }
}
