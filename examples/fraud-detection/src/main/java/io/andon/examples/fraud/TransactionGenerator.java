package io.andon.examples.fraud;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Random;

/**
 * Generates a seeded, realistic card-transaction data set with a few percent fraud.
 *
 * <p>Each row is drawn class-first: the row is fraud with probability {@link Settings#fraudRate},
 * then every column is drawn from that class's distribution, so the signal is plausible and
 * overlapping rather than a rule:
 *
 * <ul>
 *   <li>{@code merchant_category}: legitimate spending is mostly grocery, restaurants, gas; fraud
 *       favours online retail, electronics and travel (goods that resell).
 *   <li>{@code amount}: log-normal per category (median grocery 45, electronics 180, travel 300);
 *       fraud is about twice as large with a wider spread.
 *   <li>{@code hour}: legitimate spending peaks in the afternoon; half of fraud is at night.
 *   <li>{@code country}, {@code distance_km}: fraud is more often abroad and far from home.
 *   <li>{@code channel}: online retail is always online; fraud is mostly online or magnetic swipe
 *       (skimmed cards).
 *   <li>{@code card_age_days}: 40% of fraud is on cards younger than 30 days.
 *   <li>{@code tx_count_24h}: fraud comes in bursts (Poisson mean 6 against 2).
 *   <li>{@code customer_age}: the same for both classes (a column without signal).
 * </ul>
 *
 * <p>The production batch ({@link Settings#production()}) has a documented shift in three columns
 * and none in the others: amounts are 50% higher (price rise and a premium merchant mix), the
 * online channel share rises (online retail weight 0.15 to 0.30, other categories online 8% to
 * 35%), and a new-card campaign makes 25% of legitimate cards younger than 60 days. Hour, country,
 * distance, velocity and customer age keep their training distribution.
 */
public final class TransactionGenerator {
  /** Column names in file order. */
  public static final String HEADER =
      "transaction_id,timestamp,amount,merchant_category,hour,"
          + "day_of_week,country,channel,card_age_days,distance_km,tx_count_24h,customer_age,is_fraud";

  static final String[] CATEGORIES = {
    "grocery",
    "gas",
    "restaurant",
    "online_retail",
    "electronics",
    "travel",
    "entertainment",
    "pharmacy"
  };
  private static final double[] CATEGORY_MEDIAN = {45, 40, 35, 60, 180, 300, 50, 25};
  private static final double[] LEGIT_CATEGORY = {.25, .12, .18, .15, .05, .05, .10, .10};
  private static final double[] LEGIT_CATEGORY_SHIFTED = {.20, .09, .15, .30, .05, .05, .09, .07};
  private static final double[] FRAUD_CATEGORY = {.05, .08, .04, .35, .25, .12, .08, .03};

  static final String[] COUNTRIES = {"US", "CA", "GB", "MX", "DE", "FR", "BR", "NG", "RU", "IN"};
  private static final double[] LEGIT_COUNTRY = {
    .90, .03, .02, .02, .01, .01, .004, .002, .002, .002
  };
  private static final double[] FRAUD_COUNTRY = {.55, .04, .06, .05, .03, .03, .06, .08, .07, .03};

  static final String[] CHANNELS = {"chip", "contactless", "swipe", "online"};
  private static final double[] LEGIT_CHANNEL = {.55, .30, .07, .08};
  private static final double[] LEGIT_CHANNEL_SHIFTED = {.35, .25, .05, .35};
  private static final double[] FRAUD_CHANNEL = {.10, .10, .25, .55};

  private static final Instant TRAINING_START = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant PRODUCTION_START = Instant.parse("2026-11-01T00:00:00Z");

  /**
   * What to generate.
   *
   * @param rows number of transactions, at least 1
   * @param seed random seed; the same settings always give the same file
   * @param fraudRate share of fraud, in [0, 1]
   * @param shifted true for the production batch with the documented shift
   * @param firstId the first transaction id (ids are consecutive)
   */
  public record Settings(int rows, long seed, double fraudRate, boolean shifted, long firstId) {
    public Settings {
      if (rows < 1) {
        throw new IllegalArgumentException("rows must be at least 1, not " + rows);
      }
      if (!(fraudRate >= 0 && fraudRate <= 1)) {
        throw new IllegalArgumentException("fraudRate must be in [0, 1], not " + fraudRate);
      }
      if (firstId < 0) {
        throw new IllegalArgumentException("firstId must be >= 0, not " + firstId);
      }
    }

    /** The training data: 3% fraud, no shift. */
    public static Settings training(int rows, long seed) {
      return new Settings(rows, seed, 0.03, false, 1);
    }

    /** A production batch drawn with another seed, ids after the training ids, and the shift. */
    public Settings production() {
      return new Settings(
          Math.max(1, rows / 4), seed + 1_000_003L, fraudRate, true, firstId + rows);
    }
  }

  /** What was written. */
  public record Summary(Path file, int rows, int frauds) {
    public Summary {
      Objects.requireNonNull(file, "file");
    }
  }

  private TransactionGenerator() {}

  /** Writes the data set as CSV with {@link #HEADER} to {@code file} (folders are created). */
  public static Summary write(Settings settings, Path file) throws IOException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(file, "file");
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    Random rnd = new Random(settings.seed());
    Instant start = settings.shifted() ? PRODUCTION_START : TRAINING_START;
    int frauds = 0;
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (int i = 0; i < settings.rows(); i++) {
        boolean fraud = rnd.nextDouble() < settings.fraudRate();
        frauds += fraud ? 1 : 0;
        w.write(row(rnd, settings.firstId() + i, fraud, settings.shifted(), start));
        w.write('\n');
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new Summary(file, settings.rows(), frauds);
  }

  private static String row(Random rnd, long id, boolean fraud, boolean shifted, Instant start) {
    int cat = pick(rnd, fraud ? FRAUD_CATEGORY : shifted ? LEGIT_CATEGORY_SHIFTED : LEGIT_CATEGORY);
    double mu = Math.log(CATEGORY_MEDIAN[cat]) + (fraud ? 0.7 : 0);
    double amount = Math.exp(mu + rnd.nextGaussian() * (fraud ? 0.8 : 0.6));
    if (shifted) {
      amount *= 1.5;
    }
    amount = Math.max(0.5, Math.round(amount * 100) / 100.0);
    int hour;
    if (fraud && rnd.nextDouble() < 0.5) {
      hour = rnd.nextInt(6);
    } else if (fraud) {
      hour = rnd.nextInt(24);
    } else {
      hour = Math.floorMod((int) Math.round(14 + 4 * rnd.nextGaussian()), 24);
    }
    int day = rnd.nextInt(30);
    Instant ts =
        start
            .plus(day, ChronoUnit.DAYS)
            .plus(hour, ChronoUnit.HOURS)
            .plus(rnd.nextInt(3600), ChronoUnit.SECONDS);
    int dayOfWeek = ts.atZone(java.time.ZoneOffset.UTC).getDayOfWeek().getValue();
    int country = pick(rnd, fraud ? FRAUD_COUNTRY : LEGIT_COUNTRY);
    int channel;
    if (CATEGORIES[cat].equals("online_retail")) {
      channel = 3;
    } else {
      channel = pick(rnd, fraud ? FRAUD_CHANNEL : shifted ? LEGIT_CHANNEL_SHIFTED : LEGIT_CHANNEL);
    }
    double cardAge;
    if (fraud && rnd.nextDouble() < 0.4) {
      cardAge = rnd.nextInt(30);
    } else if (!fraud && shifted && rnd.nextDouble() < 0.25) {
      cardAge = rnd.nextInt(60);
    } else {
      cardAge = Math.min(3650, Math.floor(Math.exp(Math.log(600) + rnd.nextGaussian() * 0.9)));
    }
    double distance = Math.exp(Math.log(fraud ? 40 : 8) + rnd.nextGaussian() * (fraud ? 1.5 : 1));
    if (country != 0) {
      distance += 500 + rnd.nextDouble() * 4500;
    }
    int velocity = poisson(rnd, fraud ? 6 : 2) + 1;
    int customerAge = (int) Math.max(18, Math.min(90, Math.round(45 + 14 * rnd.nextGaussian())));
    return new StringBuilder(120)
        .append(id)
        .append(',')
        .append(ts)
        .append(',')
        .append(fixed(amount, 100))
        .append(',')
        .append(CATEGORIES[cat])
        .append(',')
        .append(hour)
        .append(',')
        .append(dayOfWeek)
        .append(',')
        .append(COUNTRIES[country])
        .append(',')
        .append(CHANNELS[channel])
        .append(',')
        .append((long) cardAge)
        .append(',')
        .append(fixed(distance, 10))
        .append(',')
        .append(velocity)
        .append(',')
        .append(customerAge)
        .append(',')
        .append(fraud ? 1 : 0)
        .toString();
  }

  /** {@code x} rounded to 1/scale, written in plain decimal (scale 10 or 100). */
  static String fixed(double x, int scale) {
    return java.math.BigDecimal.valueOf(Math.round(x * scale))
        .movePointLeft(scale == 100 ? 2 : 1)
        .toPlainString();
  }

  private static int pick(Random rnd, double[] weights) {
    double u = rnd.nextDouble();
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double acc = 0;
    for (int i = 0; i < weights.length; i++) {
      acc += weights[i] / total;
      if (u < acc) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** Knuth's method; fine for the small means used here. */
  private static int poisson(Random rnd, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    do {
      k++;
      p *= rnd.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
