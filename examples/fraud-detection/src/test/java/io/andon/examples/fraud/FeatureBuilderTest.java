package io.andon.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureBuilderTest {
  static final Path SQL = Path.of("features.sql");
  @TempDir Path dir;
  Path train;
  Path prod;

  @BeforeEach
  void data() throws Exception {
    TransactionGenerator.Settings s = TransactionGenerator.Settings.training(3000, 5);
    train = TransactionGenerator.write(s, dir.resolve("data/transactions.csv")).file();
    prod = TransactionGenerator.write(s.production(), dir.resolve("data/production.csv")).file();
  }

  private static int col(String name) {
    return Arrays.asList(TransactionGenerator.HEADER.split(",")).indexOf(name);
  }

  @Test
  void splitsByIdAndComputesFeaturesFromTrainingStatisticsOnly() throws Exception {
    FeatureBuilder.Result r =
        FeatureBuilder.build(train, Optional.of(prod), SQL, dir.resolve("features"), 5);
    assertThat(r.trainRows()).isEqualTo(2400);
    assertThat(r.testRows()).isEqualTo(600);
    assertThat(r.productionRows()).isEqualTo(750);
    assertThat(r.features())
        .startsWith("log_amount", "log_amount_vs_category", "is_night")
        .contains("ch_online", "cat_electronics")
        .doesNotContain("transaction_id", "is_fraud");

    List<String[]> csv = Files.readAllLines(train).stream().skip(1).map(l -> l.split(",")).toList();
    // median amount of electronics over the training split (ids not divisible by 5),
    // interpolated as DuckDB's median does
    double[] amounts =
        csv.stream()
            .filter(
                x ->
                    Long.parseLong(x[0]) % 5 != 0
                        && x[col("merchant_category")].equals("electronics"))
            .mapToDouble(x -> Double.parseDouble(x[col("amount")]))
            .sorted()
            .toArray();
    int n = amounts.length;
    double median = n % 2 == 1 ? amounts[n / 2] : (amounts[n / 2 - 1] + amounts[n / 2]) / 2;

    FeatureTable test = FeatureTable.readParquet(r.test());
    assertThat(test.size()).isEqualTo(600);
    int checked = 0;
    for (int i = 0; i < test.size(); i++) {
      String[] raw = csv.get((int) test.ids()[i] - 1);
      assertThat(test.ids()[i] % 5).isZero();
      assertThat(test.labels()[i]).isEqualTo(Integer.parseInt(raw[col("is_fraud")]));
      double amount = Double.parseDouble(raw[col("amount")]);
      double[] f = test.rows()[i];
      assertThat(f[0]).isCloseTo(Math.log1p(amount), within(1e-9));
      assertThat(f[test.names().indexOf("is_night")])
          .isEqualTo(Integer.parseInt(raw[col("hour")]) < 6 ? 1 : 0);
      assertThat(f[test.names().indexOf("ch_online")])
          .isEqualTo(raw[col("channel")].equals("online") ? 1 : 0);
      if (raw[col("merchant_category")].equals("electronics")) {
        assertThat(f[1]).isCloseTo(Math.log(amount / median), within(1e-9));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void aCsvWithAnotherHeaderIsRefusedWithFileAndLine() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,amount\n1,2\n");
    assertThatThrownBy(() -> FeatureBuilder.build(bad, Optional.empty(), SQL, dir, 5))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(bad + ":1: the header is 'id,amount'; expected");
  }

  @Test
  void aMissingInputSaysWhichTaskToRun() {
    assertThatThrownBy(
            () -> FeatureBuilder.build(dir.resolve("none.csv"), Optional.empty(), SQL, dir, 5))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("run the ingest task first");
  }

  @Test
  void aQueryWithATextFeatureIsRefusedNamingTheColumn() throws Exception {
    Path sql = dir.resolve("f.sql");
    Files.writeString(sql, "SELECT transaction_id, is_fraud, country FROM transactions;");
    assertThatThrownBy(
            () -> FeatureBuilder.build(train, Optional.empty(), sql, dir.resolve("f"), 5))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("column 'country' is VARCHAR; every feature must be numeric");
  }

  @Test
  void aBrokenQueryNamesTheSqlFile() throws Exception {
    Path sql = dir.resolve("f.sql");
    Files.writeString(sql, "SELECT nope FROM transactions");
    assertThatThrownBy(
            () -> FeatureBuilder.build(train, Optional.empty(), sql, dir.resolve("f"), 5))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(sql + ": the features query failed");
  }
}
