package io.andon.serve;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** andon as a real process, with this test JVM's coverage agent, for signals and kills. */
final class ServeProcess {
  private ServeProcess() {}

  /**
   * Starts {@code andon ARGS} in {@code dir} with {@code ANDON_TOKEN} set and {@code jvm} options;
   * output goes to {@code NAME.out} and {@code NAME.err}.
   */
  static Process start(Path dir, String name, List<String> jvm, String... args) throws IOException {
    return start(dir, name, jvm, Map.of(), args);
  }

  /** The same, with {@code env} added to andon's environment. */
  static Process start(
      Path dir, String name, List<String> jvm, Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-javaagent:") && a.contains("jacoco"))
        .forEach(cmd::add);
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.andon.cli.AndonCli"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(Map.of("ANDON_TOKEN", Served.TOKEN));
    pb.environment().remove("ANDON_URL");
    pb.environment().putAll(env);
    return pb.directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /** The URL a service started in {@code home} listens on, once it does. */
  static String awaitUrl(Path home, Process p, Path dir, String name) throws Exception {
    Path file = home.resolve(Service.URL_FILE);
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      Path err = dir.resolve(name + ".err");
      // the file may be left by a killed service: this one has started once it logs it
      if (Files.isRegularFile(err)
          && Files.readString(err).contains("serving")
          && Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
      if (!p.isAlive()) {
        throw new AssertionError(
            "andon serve exited "
                + p.exitValue()
                + ": "
                + Files.readString(dir.resolve(name + ".err")));
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "andon serve did not start: " + Files.readString(dir.resolve(name + ".err")));
  }
}
