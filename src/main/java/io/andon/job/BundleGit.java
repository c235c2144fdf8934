package io.andon.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The git facts of a bundle's folder, for {@code ${bundle.git.*}}: the origin's URL, the branch and
 * the commit checked out, and the bundle's folder inside the repository, read with git itself, as
 * the Databricks CLI reads them. Empty outside a repository or without git.
 *
 * @param fields {@code origin_url}, {@code branch}, {@code actual_branch}, {@code commit}, {@code
 *     bundle_root_path}; a field git cannot tell (no origin, a detached HEAD) is ""
 */
record BundleGit(Map<String, String> fields) {
  /** The fields a bundle may refer to. */
  static final List<String> FIELDS =
      List.of("origin_url", "branch", "actual_branch", "commit", "bundle_root_path");

  private static final long TIMEOUT_SECONDS = 10;

  BundleGit {
    fields = Map.copyOf(fields);
  }

  /** The facts of {@code dir}'s repository, or empty when it is in none (or git is missing). */
  static Optional<BundleGit> read(Path dir) {
    Optional<List<String>> head = git(dir, "rev-parse", "--show-prefix", "--abbrev-ref", "HEAD");
    if (head.isEmpty() || head.get().size() < 2) {
      return Optional.empty();
    }
    String prefix = head.get().get(0);
    String branch = head.get().get(1).equals("HEAD") ? "" : head.get().get(1);
    String commit = git(dir, "rev-parse", "--verify", "-q", "HEAD").map(l -> l.get(0)).orElse("");
    String origin = git(dir, "config", "--get", "remote.origin.url").map(l -> l.get(0)).orElse("");
    String root = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return Optional.of(
        new BundleGit(
            Map.of(
                "origin_url",
                origin,
                "branch",
                branch,
                "actual_branch",
                branch,
                "commit",
                commit,
                "bundle_root_path",
                root.isEmpty() ? "." : root)));
  }

  /** The lines git prints, or empty when it fails or prints nothing. */
  private static Optional<List<String>> git(Path dir, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
      return p.exitValue() == 0 && !lines.isEmpty() ? Optional.of(lines) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // no git on PATH: treated as no repository, with a notice
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
