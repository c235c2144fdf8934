package io.andon.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1, as a user starts one from a Spark distribution: a master
 * and workers, each its own JVM on Spark's jars (the module's {@code target/lib}, laid out as a
 * distribution's {@code jars/}), every port chosen by the system and read from the logs. The
 * workers start their executors as JVMs of their own.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://127\\.0\\.0\\.1:\\d+)");
  private static final Duration START = Duration.ofSeconds(90);

  private final Path dir;
  private final Process master;
  private final String url;
  private final List<Process> workers = new ArrayList<>();

  private StandaloneCluster(Path dir, Process master, String url) {
    this.dir = dir;
    this.master = master;
    this.url = url;
  }

  /** A master and {@code workers} workers of one core each, registered with it. */
  static StandaloneCluster start(Path dir, int workers) {
    Path home = dir.resolve("spark-home");
    try {
      Files.createDirectories(home);
      Path jars = home.resolve("jars");
      if (!Files.exists(jars)) {
        Files.createSymbolicLink(jars, Path.of(System.getProperty("andon.spark.lib")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process m =
        launch(
            dir.resolve("master.log"),
            home,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0");
    StandaloneCluster c = null;
    try {
      String url = await(dir.resolve("master.log"), MASTER_URL, m).group(1);
      c = new StandaloneCluster(dir, m, url);
      for (int i = 0; i < workers; i++) {
        c.addWorker(i);
      }
      return c;
    } catch (RuntimeException e) {
      if (c != null) {
        c.close();
      } else {
        m.destroyForcibly();
      }
      throw e;
    }
  }

  private void addWorker(int i) {
    Path log = dir.resolve("worker-" + i + ".log");
    Process w =
        launch(
            log,
            dir.resolve("spark-home"),
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0",
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            dir.resolve("work-" + i).toString(),
            url);
    workers.add(w);
    await(log, Pattern.compile("Successfully registered with master"), w);
  }

  String url() {
    return url;
  }

  /** The executor JVMs the workers run now. */
  List<ProcessHandle> executors() {
    return workers.stream()
        .flatMap(Process::descendants)
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(cl -> cl.contains("CoarseGrainedExecutorBackend"))
                    .orElse(false))
        .toList();
  }

  /**
   * The executors that have started a task: their log (the worker's {@code work-N/APP/ID/stderr})
   * says "Running task".
   */
  List<ProcessHandle> busyExecutors() {
    List<ProcessHandle> out = new ArrayList<>();
    for (ProcessHandle e : executors()) {
      Optional<String> id = argAfter(e, "--executor-id");
      Optional<String> app = argAfter(e, "--app-id");
      if (id.isEmpty() || app.isEmpty()) {
        continue;
      }
      for (int i = 0; i < workers.size(); i++) {
        Path log = dir.resolve("work-" + i).resolve(app.get()).resolve(id.get()).resolve("stderr");
        if (contains(log, "Running task")) {
          out.add(e);
        }
      }
    }
    return out;
  }

  private static Optional<String> argAfter(ProcessHandle p, String flag) {
    String[] args = p.info().arguments().orElse(new String[0]);
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(flag)) {
        return Optional.of(args[i + 1]);
      }
    }
    return Optional.empty();
  }

  private static boolean contains(Path log, String text) {
    try {
      return Files.exists(log) && Files.readString(log).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    for (Process w : workers) {
      stop(w);
    }
    stop(master);
  }

  private static void stop(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Process launch(Path log, Path sparkHome, String main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.addAll(List.of(System.getProperty("andon.spark.opens").split(" ")));
    cmd.add("-cp");
    cmd.add(Path.of(System.getProperty("andon.spark.lib")) + "/*");
    cmd.add(main);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first match of {@code p} in {@code log}, waiting for it while {@code proc} lives. */
  private static Matcher await(Path log, Pattern p, Process proc) {
    long end = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < end) {
      try {
        if (Files.exists(log)) {
          try (Stream<String> lines = Files.lines(log)) {
            Optional<Matcher> m = lines.map(p::matcher).filter(Matcher::find).findFirst();
            if (m.isPresent()) {
              return m.get();
            }
          }
        }
        if (!proc.isAlive()) {
          throw new IllegalStateException(log + " ended: " + Files.readString(log));
        }
        Thread.sleep(200);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no '" + p + "' in " + log + " within " + START);
  }
}
