package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Reads a monitor's tables into Spark: a local file, folder or glob (resolved as the single-machine
 * engine resolves it, so a missing input is reported the same way), or a URL a cluster reads
 * ({@code hdfs://}, {@code s3a://}, {@code abfss://}, {@code dbfs:/}, ...); a Delta table (a folder
 * with a {@code _delta_log}), else CSV, Parquet or JSON lines by the name. Column types are named
 * as DuckDB names them, so the rows match.
 */
final class SparkTables {
  private static final String DELTA_LOG = "_delta_log";

  private SparkTables() {}

  /** A table read, with its columns' types as DuckDB names them. */
  record Table(Dataset<Row> rows, String describe, Map<String, String> types) {}

  static Table read(SparkSession spark, MonitorSpec spec, String table, String role) {
    boolean remote = table.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:(//|/).*");
    List<String> paths = new ArrayList<>();
    String format;
    String describe;
    boolean multiLine = false;
    Path local = Path.of(remote ? "." : table);
    if (!remote && !local.isAbsolute()) {
      local = spec.baseDir().resolve(table);
    }
    if (remote ? remoteDelta(spark, table) : Files.isDirectory(local.resolve(DELTA_LOG))) {
      format = "delta";
      paths.add(remote ? table : local.toAbsolutePath().toString());
      describe = "Delta table " + paths.get(0);
      if (!SparkSessions.deltaPresent()) {
        throw new InvalidInputException(
            role
                + " "
                + describe
                + ": Delta Lake (io.delta:delta-spark_2.13) is not on the class path; build"
                + " andon-spark with ./mvnw package (target/lib holds it) or add it to the"
                + " cluster.");
      }
    } else if (remote) {
      format = format(table.replaceAll("/+$", ""));
      paths.add(table);
      describe = table;
    } else {
      DataSource src = DataSource.resolve(local.toString(), role);
      format = src.format().name().toLowerCase(Locale.ROOT);
      src.files().forEach(f -> paths.add(f.toAbsolutePath().toString()));
      describe = src.describe();
      multiLine = format.equals("json") && jsonArray(src.files().get(0));
    }
    DataFrameReader r = spark.read().format(format);
    if (format.equals("csv")) {
      r = r.option("header", "true").option("inferSchema", "true");
      if (paths.get(0).toLowerCase(Locale.ROOT).matches(".*\\.tsv(\\.gz)?")) {
        r = r.option("sep", "\t");
      }
    }
    if (multiLine) {
      r = r.option("multiLine", "true");
    }
    Dataset<Row> rows;
    try {
      rows = r.load(paths.toArray(String[]::new));
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          role + " " + describe + ": cannot read it as " + format + ": " + Failures.first(e), e);
    }
    Map<String, String> types = new LinkedHashMap<>();
    for (StructField f : rows.schema().fields()) {
      types.put(f.name(), duckType(f.dataType()));
    }
    if (types.isEmpty() || (types.size() == 1 && types.containsKey("_corrupt_record"))) {
      throw new InvalidInputException(
          role + " " + describe + ": no columns could be read from it as " + format + ".");
    }
    return new Table(rows, describe, types);
  }

  /** True when a URL a cluster reads is a Delta table: it has a {@code _delta_log} folder. */
  private static boolean remoteDelta(SparkSession spark, String url) {
    try {
      org.apache.hadoop.fs.Path log =
          new org.apache.hadoop.fs.Path(url.replaceAll("/+$", "") + "/" + DELTA_LOG);
      return log.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(log);
    } catch (IOException | RuntimeException e) {
      return false; // read as the name says; a path that cannot be read is reported then
    }
  }

  private static String format(String url) {
    String n = url.toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
    if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
      return "csv";
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return "json";
    }
    return "parquet";
  }

  /** True when a JSON file holds an array (read whole), not JSON lines. */
  private static boolean jsonArray(Path f) {
    try (InputStream raw = Files.newInputStream(f);
        InputStream in =
            f.toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? new GZIPInputStream(raw)
                : raw) {
      int c;
      do {
        c = in.read();
      } while (c != -1 && Character.isWhitespace(c));
      return c == '[';
    } catch (IOException e) {
      throw new InvalidInputException(f + ": cannot read it (" + e.getMessage() + ").", e);
    }
  }

  /** The name DuckDB gives a Spark type, as andon's tables show it. */
  static String duckType(DataType t) {
    if (t.equals(DataTypes.ByteType)) {
      return "TINYINT";
    }
    if (t.equals(DataTypes.ShortType)) {
      return "SMALLINT";
    }
    if (t.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    }
    if (t.equals(DataTypes.LongType)) {
      return "BIGINT";
    }
    if (t.equals(DataTypes.FloatType)) {
      return "FLOAT";
    }
    if (t.equals(DataTypes.DoubleType)) {
      return "DOUBLE";
    }
    if (t instanceof DecimalType d) {
      return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
    }
    if (t.equals(DataTypes.StringType)) {
      return "VARCHAR";
    }
    if (t.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    }
    if (t.equals(DataTypes.DateType)) {
      return "DATE";
    }
    if (t.equals(DataTypes.TimestampType)) {
      return "TIMESTAMP WITH TIME ZONE";
    }
    if (t.equals(DataTypes.TimestampNTZType)) {
      return "TIMESTAMP";
    }
    if (t.equals(DataTypes.BinaryType)) {
      return "BLOB";
    }
    return t.sql();
  }

  /**
   * Checks that the baseline has the table's columns with the same types: the spark engine compares
   * like with like, and says what differs.
   */
  static void sameSchema(Table table, Table baseline) {
    List<String> diffs = new ArrayList<>();
    table
        .types()
        .forEach(
            (name, type) -> {
              String b = baseline.types().get(name);
              if (b == null) {
                diffs.add("'" + name + "' is missing from the baseline");
              } else if (!b.equals(type)) {
                diffs.add("'" + name + "' is " + type + " in the table, " + b + " in the baseline");
              }
            });
    baseline.types().keySet().stream()
        .filter(n -> !table.types().containsKey(n))
        .forEach(n -> diffs.add("'" + n + "' is only in the baseline"));
    if (!diffs.isEmpty()) {
      throw new InvalidInputException(
          "the baseline_table "
              + baseline.describe()
              + " and the table "
              + table.describe()
              + " differ in their columns: "
              + String.join("; ", diffs)
              + ". The spark engine compares tables of one schema: cast or drop the columns so"
              + " that both sides have the same names and types, or run on the duckdb engine,"
              + " which compares what it can.");
    }
  }

  /** A column name quoted for Spark SQL. */
  static String ident(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /** A text quoted as a Spark SQL literal. */
  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** The DuckDB column of {@code name} in {@code t}. */
  static Duck.ColumnInfo info(Table t, String name) {
    return new Duck.ColumnInfo(name, t.types().get(name));
  }
}
