package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.monitor.EngineSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session of a run: the master from {@code --master} ({@code local[*]} when none
 * is given and no Spark application is running), andon's settings (UTC, no web UI, Delta Lake's
 * extension and catalog when delta-spark is on the class path, this module's jar and Delta's
 * shipped to the executors of a cluster), then the user's {@code --spark-conf}, which win. A
 * standalone master that does not answer is reported within seconds instead of after Spark's minute
 * of retries. Inside a running Spark application (spark-submit, a Databricks job) its session is
 * used and left running.
 */
final class SparkSessions {
  /** How long a standalone master may take to accept a connection. */
  static final int CONNECT_TIMEOUT_MS = 5_000;

  private static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";

  private SparkSessions() {}

  /** A session, its master, and whether this run started it (and so stops it). */
  record Session(SparkSession spark, String master, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
      }
    }
  }

  static Session start(String app, EngineSettings settings, Consumer<String> progress) {
    Optional<SparkSession> running =
        settings.master().isEmpty()
            ? Optional.ofNullable(SparkSession.getDefaultSession().getOrElse(() -> null))
            : Optional.empty();
    if (running.isPresent()) {
      settings.conf().forEach((k, v) -> running.get().conf().set(k, v));
      return new Session(running.get(), running.get().sparkContext().master(), false);
    }
    String master = settings.master().orElse(System.getProperty("spark.master", "local[*]"));
    reachable(master);
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.app.name", "andon monitor " + app);
    conf.put("spark.master", master);
    conf.put("spark.sql.session.timeZone", "UTC");
    conf.put("spark.sql.datetime.java8API.enabled", "true");
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.ui.showConsoleProgress", "false");
    boolean delta = deltaPresent();
    if (delta) {
      conf.put("spark.sql.extensions", DELTA_EXTENSION);
      conf.put(
          "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    }
    if (master.startsWith("local")) {
      // a machine's groups fit in few partitions; Spark's 200 cost a task each per query
      conf.put("spark.sql.shuffle.partitions", String.valueOf(4 * localThreads(master)));
    } else {
      List<String> jars = new ArrayList<>();
      jarOf(SparkSessions.class).ifPresent(jars::add);
      if (delta) {
        for (String c : List.of(DELTA_EXTENSION, "io.delta.storage.LogStore")) {
          jarOf(load(c).orElseThrow()).filter(j -> !jars.contains(j)).ifPresent(jars::add);
        }
      }
      if (!jars.isEmpty()) {
        conf.put("spark.jars", String.join(",", jars));
      }
    }
    settings
        .conf()
        .forEach((k, v) -> conf.merge(k, v, (a, b) -> k.equals("spark.jars") ? b + "," + a : b));
    progress.accept("starting spark on " + master);
    SparkSession.Builder b = SparkSession.builder();
    conf.forEach(b::config);
    try {
      SparkSession spark = b.getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
      return new Session(spark, master, true);
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          "cannot start Spark on master "
              + master
              + ": "
              + Failures.first(e)
              + ". Check --master and --spark-conf.",
          e);
    }
  }

  /** The threads of a {@code local[N]} master; the cores for {@code local[*]} and {@code local}. */
  static int localThreads(String master) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("local\\[(\\d+)].*").matcher(master);
    return m.matches()
        ? Math.max(1, Integer.parseInt(m.group(1)))
        : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Whether Delta Lake (delta-spark) is on the class path: then Delta tables are read and written.
   */
  static boolean deltaPresent() {
    return load(DELTA_EXTENSION).isPresent();
  }

  private static Optional<Class<?>> load(String name) {
    try {
      return Optional.of(Class.forName(name, false, SparkSessions.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * The jar a class comes from (this module's, Delta's: what a cluster's executors receive), when
   * it comes from one (not from a build's classes folder).
   */
  private static Optional<String> jarOf(Class<?> c) {
    try {
      Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
      return p.toString().endsWith(".jar") ? Optional.of(p.toString()) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Fails fast when no master of a {@code spark://} URL accepts a connection. */
  static void reachable(String master) {
    if (!master.startsWith("spark://")) {
      return;
    }
    List<String> tried = new ArrayList<>();
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      URI u = URI.create("spark://" + hostPort);
      if (u.getHost() == null) {
        throw new InvalidInputException(
            "--master " + master + " is not a Spark master URL; write spark://HOST:PORT.");
      }
      int port = u.getPort() < 0 ? 7077 : u.getPort();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(u.getHost(), port), CONNECT_TIMEOUT_MS);
        return;
      } catch (IOException e) {
        tried.add(u.getHost() + ":" + port + " (" + e.getMessage() + ")");
      }
    }
    throw new InvalidInputException(
        "cannot reach the Spark master "
            + master
            + ": "
            + String.join(", ", tried)
            + ". Start the master (sbin/start-master.sh) or correct --master; nothing was run.");
  }
}
