package io.andon.examples.fraud;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns transaction CSV files into feature tables (Parquet) with a DuckDB SQL query.
 *
 * <p>The training file is split by transaction id: every {@code testEvery}-th id is held out for
 * validation, the rest trains the model. The query sees two tables: {@code transactions} (the rows
 * to turn into features) and {@code training} (the training split, for statistics such as the
 * median amount per merchant category, so held-out and production rows never leak into them). It
 * must return {@code transaction_id}, {@code is_fraud} and numeric feature columns.
 */
public final class FeatureBuilder {
  private static final Set<String> NUMERIC =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "FLOAT",
          "DOUBLE",
          "BOOLEAN");
  private static final String COLUMNS =
      "{'transaction_id': 'BIGINT', 'timestamp': 'TIMESTAMP',"
          + " 'amount': 'DOUBLE', 'merchant_category': 'VARCHAR', 'hour': 'INTEGER',"
          + " 'day_of_week': 'INTEGER', 'country': 'VARCHAR', 'channel': 'VARCHAR',"
          + " 'card_age_days': 'INTEGER', 'distance_km': 'DOUBLE', 'tx_count_24h': 'INTEGER',"
          + " 'customer_age': 'INTEGER', 'is_fraud': 'INTEGER'}";

  /** The feature tables written, their sizes and the model's feature columns in order. */
  public record Result(
      Path train,
      Path test,
      Optional<Path> production,
      long trainRows,
      long testRows,
      long productionRows,
      List<String> features) {
    public Result {
      Objects.requireNonNull(train, "train");
      Objects.requireNonNull(test, "test");
      Objects.requireNonNull(production, "production");
      features = List.copyOf(features);
    }
  }

  private FeatureBuilder() {}

  /**
   * Writes {@code train.parquet}, {@code test.parquet} and, with a production file, {@code
   * production.parquet} into {@code outDir}.
   *
   * @throws BadInputException when a CSV file does not have the expected header or the query fails
   *     or returns other columns than it must
   */
  public static Result build(
      Path trainingCsv, Optional<Path> productionCsv, Path sqlFile, Path outDir, int testEvery)
      throws IOException {
    Objects.requireNonNull(trainingCsv, "trainingCsv");
    Objects.requireNonNull(productionCsv, "productionCsv");
    Objects.requireNonNull(sqlFile, "sqlFile");
    Objects.requireNonNull(outDir, "outDir");
    if (testEvery < 2) {
      throw new IllegalArgumentException("testEvery must be at least 2, not " + testEvery);
    }
    checkHeader(trainingCsv);
    productionCsv.ifPresent(FeatureBuilder::checkHeaderUnchecked);
    String query = readQuery(sqlFile);
    Files.createDirectories(outDir);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE raw AS SELECT * FROM " + readCsv(trainingCsv));
      s.execute(
          "CREATE TABLE training AS SELECT * FROM raw WHERE transaction_id % "
              + testEvery
              + " <> 0");
      Path train = outDir.resolve("train.parquet");
      Path test = outDir.resolve("test.parquet");
      List<String> features =
          write(
              s,
              query,
              sqlFile,
              "SELECT * FROM raw WHERE transaction_id % " + testEvery + " <> 0",
              train);
      write(
          s,
          query,
          sqlFile,
          "SELECT * FROM raw WHERE transaction_id % " + testEvery + " = 0",
          test);
      Optional<Path> production = Optional.empty();
      long productionRows = 0;
      if (productionCsv.isPresent()) {
        Path p = outDir.resolve("production.parquet");
        write(s, query, sqlFile, "SELECT * FROM " + readCsv(productionCsv.get()), p);
        production = Optional.of(p);
        productionRows = count(s, p);
      }
      return new Result(
          train, test, production, count(s, train), count(s, test), productionRows, features);
    } catch (SQLException e) {
      throw new BadInputException(
          "DuckDB could not build the features: "
              + e.getMessage()
              + "\nCheck "
              + sqlFile
              + " and the input files.");
    }
  }

  private static List<String> write(
      Statement s, String query, Path sqlFile, String source, Path out) throws SQLException {
    s.execute("CREATE OR REPLACE TEMP VIEW transactions AS " + source);
    try {
      s.execute("COPY (" + query + ") TO " + literal(out) + " (FORMAT parquet)");
    } catch (SQLException e) {
      throw new BadInputException(sqlFile + ": the features query failed: " + e.getMessage());
    }
    List<String> features = new ArrayList<>();
    boolean id = false;
    boolean label = false;
    try (ResultSet rs =
        s.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(out) + ")")) {
      while (rs.next()) {
        String name = rs.getString("column_name");
        String type = rs.getString("column_type");
        if (name.equals("transaction_id")) {
          id = true;
        } else if (name.equals("is_fraud")) {
          label = true;
        } else if (NUMERIC.contains(type) || type.startsWith("DECIMAL")) {
          features.add(name);
        } else {
          throw new BadInputException(
              sqlFile
                  + ": column '"
                  + name
                  + "' is "
                  + type
                  + "; every feature must be numeric (CAST it, or one-hot encode it).");
        }
      }
    }
    if (!id || !label || features.isEmpty()) {
      throw new BadInputException(
          sqlFile
              + ": the query must return transaction_id, is_fraud"
              + " and at least one feature column.");
    }
    return features;
  }

  private static long count(Statement s, Path p) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + literal(p) + ")")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String readCsv(Path csv) {
    return "read_csv(" + literal(csv) + ", header = true, columns = " + COLUMNS + ")";
  }

  static String literal(Path p) {
    return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
  }

  private static String readQuery(Path sqlFile) throws IOException {
    if (!Files.isRegularFile(sqlFile)) {
      throw new BadInputException(sqlFile + ": the features query file does not exist.");
    }
    String q = Files.readString(sqlFile, StandardCharsets.UTF_8).strip();
    while (q.endsWith(";")) {
      q = q.substring(0, q.length() - 1).strip();
    }
    if (q.isEmpty()) {
      throw new BadInputException(sqlFile + ": the features query file is empty.");
    }
    return q;
  }

  private static void checkHeaderUnchecked(Path csv) {
    try {
      checkHeader(csv);
    } catch (IOException e) {
      throw new BadInputException(csv + ": cannot read: " + e.getMessage());
    }
  }

  /** The CSV must start with {@link TransactionGenerator#HEADER}. */
  static void checkHeader(Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new BadInputException(
          csv + ": the transactions file does not exist; run the ingest" + " task first.");
    }
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.strip().equals(TransactionGenerator.HEADER)) {
        throw new BadInputException(
            csv
                + ":1: the header is '"
                + header
                + "'; expected '"
                + TransactionGenerator.HEADER
                + "'.");
      }
    }
  }
}
