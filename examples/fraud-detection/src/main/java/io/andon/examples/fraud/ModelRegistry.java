package io.andon.examples.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A model registry in a folder, in the spirit of MLflow's: each registered model has numbered
 * versions, each version a folder {@code <root>/<model>/v<N>/} holding the model files and {@code
 * version.json} (version, time, metrics, lineage, file hashes). A version is written under a
 * temporary name and renamed into place, under a file lock, so concurrent registrations get
 * distinct numbers and a reader never sees half a version.
 */
public final class ModelRegistry {
  private static final Pattern VERSION = Pattern.compile("v(\\d+)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** File locks are per process; threads of one process take this first. */
  private static final Object IN_PROCESS = new Object();

  private final Path root;

  /** A registered version. */
  public record Version(String model, int version, Path folder, JsonNode metadata) {
    public Version {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(metadata, "metadata");
    }
  }

  public ModelRegistry(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /**
   * Registers {@code files} (copied) as the next version of {@code model}, with its metrics and
   * lineage.
   */
  public Version register(String model, List<Path> files, JsonNode metrics, JsonNode lineage)
      throws IOException {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(files, "files");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(lineage, "lineage");
    if (!NAME.matcher(model).matches()) {
      throw new BadInputException("model name '" + model + "' must be letters, digits, _ . -");
    }
    Path dir = root.resolve(model);
    Files.createDirectories(dir);
    synchronized (IN_PROCESS) {
      return registerLocked(model, dir, files, metrics, lineage);
    }
  }

  // "try": the registry lock is held for the try block's extent on purpose, without being read
  @SuppressWarnings("try")
  private Version registerLocked(
      String model, Path dir, List<Path> files, JsonNode metrics, JsonNode lineage)
      throws IOException {
    try (FileChannel ch =
            FileChannel.open(
                dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      int next = versions(model).stream().mapToInt(Version::version).max().orElse(0) + 1;
      Path tmp = Files.createTempDirectory(dir, ".incoming-");
      ObjectNode meta = Json.object();
      meta.put("model", model);
      meta.put("version", next);
      meta.put("registered_at", Instant.now().toString());
      meta.set("metrics", metrics);
      meta.set("lineage", lineage);
      ObjectNode hashes = meta.putObject("files");
      for (Path f : files) {
        if (!Files.isRegularFile(f)) {
          throw new BadInputException(f + ": cannot register a file that does not exist.");
        }
        Path copy = tmp.resolve(f.getFileName().toString());
        Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
        hashes.put(f.getFileName().toString(), Hashes.sha256(copy));
      }
      Files.writeString(
          tmp.resolve("version.json"), Json.pretty(meta) + "\n", StandardCharsets.UTF_8);
      Path target = dir.resolve("v" + next);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return new Version(model, next, target, meta);
    }
  }

  /** Every version of {@code model}, oldest first; empty when none is registered. */
  public List<Version> versions(String model) throws IOException {
    Objects.requireNonNull(model, "model");
    Path dir = root.resolve(model);
    List<Version> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        Matcher m = VERSION.matcher(p.getFileName().toString());
        Path meta = p.resolve("version.json");
        if (m.matches() && Files.isRegularFile(meta)) {
          out.add(
              new Version(
                  model, Integer.parseInt(m.group(1)), p, Json.mapper().readTree(meta.toFile())));
        }
      }
    }
    out.sort((a, b) -> Integer.compare(a.version(), b.version()));
    return out;
  }

  /** The newest version of {@code model}. */
  public Optional<Version> latest(String model) throws IOException {
    List<Version> v = versions(model);
    return v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
  }
}
