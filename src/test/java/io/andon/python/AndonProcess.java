package io.andon.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs andon as a real process with an environment of the test's choosing. */
final class AndonProcess {
  static final Path BUNDLES = Path.of("src/test/resources/bundles");

  record Result(int exit, String out) {}

  private AndonProcess() {}

  static Result run(Map<String, String> env, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // the coverage agent of this test JVM, if any, so that what andon runs here counts too
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-javaagent:") && a.contains("jacoco"))
        .forEach(cmd::add);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.andon.cli.AndonCli"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("ANDON_SECRET"));
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    // read on another thread, so that a process that never ends fails the test at the limit
    java.util.concurrent.CompletableFuture<String> out =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return "(output not read: " + e.getMessage() + ")";
              }
            });
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      String threads = threadDump(p.pid());
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(
          "andon "
              + String.join(" ", args)
              + " did not end within 300 s;"
              + " its threads were:\n"
              + threads
              + "\nits output:\n"
              + out.get(10, TimeUnit.SECONDS));
    }
    return new Result(p.exitValue(), out.get(60, TimeUnit.SECONDS));
  }

  /** The threads of a Java process as {@code jcmd PID Thread.print} prints them. */
  private static String threadDump(long pid) {
    try {
      Process j =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(pid),
                  "Thread.print")
              .redirectErrorStream(true)
              .start();
      String dump = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      j.waitFor(30, TimeUnit.SECONDS);
      return dump;
    } catch (IOException | InterruptedException e) {
      return "(no thread dump: " + e.getMessage() + ")";
    }
  }

  /** The log of the first attempt of {@code task} in run 1. */
  static String log(Path home, String task) throws IOException {
    return Files.readString(home.resolve("logs/run-1/" + task + ".attempt-1.log"));
  }

  /** pip settings that reach no index (a closed local port) at once, whatever the machine has. */
  static Map<String, String> offlinePip() {
    return Map.of(
        "PIP_CONFIG_FILE",
        "/dev/null",
        "PIP_FIND_LINKS",
        "",
        "PIP_INDEX_URL",
        "http://127.0.0.1:9/simple",
        "PIP_RETRIES",
        "0");
  }

  /** A python3 that can build wheels without an index (setuptools and wheel installed). */
  static Optional<String> pythonThatBuildsWheels() throws Exception {
    for (String candidate : new String[] {"python3", "/usr/bin/python3"}) {
      try {
        Process p =
            new ProcessBuilder(
                    candidate, "-c", "import setuptools, wheel, sys; print(sys.executable)")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return Optional.of(candidate.startsWith("/") ? candidate : out);
        }
      } catch (IOException e) {
        // not installed
      }
    }
    return Optional.empty();
  }
}
