package io.andon.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionGeneratorTest {
  @TempDir Path dir;

  private List<String[]> rows(Path f) throws Exception {
    return Files.readAllLines(f).stream().skip(1).map(l -> l.split(",")).toList();
  }

  private static int col(String name) {
    return Arrays.asList(TransactionGenerator.HEADER.split(",")).indexOf(name);
  }

  private static double median(List<String[]> rows, String column) {
    double[] v =
        rows.stream().mapToDouble(r -> Double.parseDouble(r[col(column)])).sorted().toArray();
    return v[v.length / 2];
  }

  private static double share(List<String[]> rows, String column, String value) {
    return rows.stream().filter(r -> r[col(column)].equals(value)).count() / (double) rows.size();
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
    TransactionGenerator.write(TransactionGenerator.Settings.training(2000, 7), dir.resolve("a"));
    TransactionGenerator.write(TransactionGenerator.Settings.training(2000, 7), dir.resolve("b"));
    TransactionGenerator.write(TransactionGenerator.Settings.training(2000, 8), dir.resolve("c"));
    assertThat(Files.readAllBytes(dir.resolve("a")))
        .isEqualTo(Files.readAllBytes(dir.resolve("b")));
    assertThat(Files.readAllBytes(dir.resolve("a")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("c")));
  }

  @Test
  void trainingDataHasAFewPercentFraudWithPlausibleSignal() throws Exception {
    TransactionGenerator.Summary s =
        TransactionGenerator.write(
            TransactionGenerator.Settings.training(40_000, 42), dir.resolve("t.csv"));
    assertThat(s.rows()).isEqualTo(40_000);
    assertThat(s.frauds() / 40_000.0).isBetween(0.025, 0.035);
    List<String[]> all = rows(s.file());
    assertThat(all).hasSize(40_000);
    assertThat(Files.readAllLines(s.file()).get(0)).isEqualTo(TransactionGenerator.HEADER);
    List<String[]> fraud = all.stream().filter(r -> r[col("is_fraud")].equals("1")).toList();
    List<String[]> legit = all.stream().filter(r -> r[col("is_fraud")].equals("0")).toList();
    assertThat(fraud).hasSize(s.frauds());
    assertThat(median(fraud, "amount")).isGreaterThan(1.5 * median(legit, "amount"));
    assertThat(share(fraud, "channel", "online"))
        .isGreaterThan(2 * share(legit, "channel", "online"));
    double fraudNight =
        fraud.stream().filter(r -> Integer.parseInt(r[col("hour")]) < 6).count()
            / (double) fraud.size();
    double legitNight =
        legit.stream().filter(r -> Integer.parseInt(r[col("hour")]) < 6).count()
            / (double) legit.size();
    assertThat(fraudNight).isGreaterThan(5 * legitNight);
    assertThat(share(legit, "country", "US")).isGreaterThan(0.85);
    // customer_age carries no signal by design
    assertThat(Math.abs(median(fraud, "customer_age") - median(legit, "customer_age")))
        .isLessThanOrEqualTo(3);
  }

  @Test
  void productionBatchShiftsAmountChannelAndCardAgeOnly() throws Exception {
    TransactionGenerator.Settings t = TransactionGenerator.Settings.training(40_000, 42);
    TransactionGenerator.Summary train = TransactionGenerator.write(t, dir.resolve("t.csv"));
    TransactionGenerator.Summary prod =
        TransactionGenerator.write(t.production(), dir.resolve("p.csv"));
    assertThat(prod.rows()).isEqualTo(10_000);
    List<String[]> a = rows(train.file());
    List<String[]> b = rows(prod.file());
    assertThat(Long.parseLong(b.get(0)[col("transaction_id")])).isEqualTo(40_001);
    assertThat(b.get(0)[col("timestamp")]).startsWith("2026-11");
    assertThat(median(b, "amount") / median(a, "amount")).isBetween(1.35, 1.65);
    assertThat(share(b, "channel", "online") - share(a, "channel", "online")).isGreaterThan(0.2);
    assertThat(median(b, "card_age_days")).isLessThan(0.9 * median(a, "card_age_days"));
    assertThat(Math.abs(median(b, "hour") - median(a, "hour"))).isLessThanOrEqualTo(1);
    assertThat(Math.abs(share(b, "country", "US") - share(a, "country", "US"))).isLessThan(0.02);
    assertThat(Math.abs(median(b, "customer_age") - median(a, "customer_age")))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void numbersAreWrittenInPlainDecimal() {
    assertThat(TransactionGenerator.fixed(1234.567, 100)).isEqualTo("1234.57");
    assertThat(TransactionGenerator.fixed(0.5, 100)).isEqualTo("0.50");
    assertThat(TransactionGenerator.fixed(12345678.94, 10)).isEqualTo("12345678.9");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new TransactionGenerator.Settings(0, 1, 0.03, false, 1))
        .hasMessageContaining("rows must be at least 1");
    assertThatThrownBy(() -> new TransactionGenerator.Settings(10, 1, 1.5, false, 1))
        .hasMessageContaining("fraudRate");
  }
}
