package io.andon.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts andon as a real process of its own, as a user would, for kills, signals and races. */
final class AndonProcess {
  private AndonProcess() {}

  /** Starts andon in {@code dir}; its output goes to {@code <name>.out} and {@code .err}. */
  static Process start(Path dir, String name, String... args) throws IOException {
    return start(dir, name, java.util.Map.of(), args);
  }

  /** The same, with {@code env} added to andon's environment. */
  static Process start(Path dir, String name, java.util.Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.andon.cli.AndonCli"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    return pb.directory(dir.toFile())
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  /** The live processes whose environment holds {@code entry} ({@code NAME=value}). */
  static List<Long> withEnvironment(String entry) {
    List<Long> out = new ArrayList<>();
    try (var all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : all) {
        try {
          String env =
              "\0"
                  + Files.readString(
                      p.resolve("environ"), java.nio.charset.StandardCharsets.ISO_8859_1)
                  + "\0";
          if (env.contains("\0" + entry + "\0")
              && !Files.readString(p.resolve("stat")).matches("^\\d+ \\(.*\\) Z .*\\s*")) {
            out.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
