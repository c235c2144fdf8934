package io.andon.job;

import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a {@code shell_task}: a command, its environment and working folder. */
final class ShellTaskType implements PayloadType {
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Override
  public String key() {
    return ShellTask.KEY;
  }

  @Override
  public Optional<Payload> parse(YMap b, Problems p, Path baseDir) {
    p.unknownKeys(
        b, Set.of("command", "env", "working_dir", "keep_background_processes"), "shell_task");
    Optional<String> cmd = p.requiredString(b, "command", "shell_task");
    Map<String, String> env = new LinkedHashMap<>();
    p.map(b, "env")
        .ifPresent(
            e ->
                e.values()
                    .forEach(
                        en -> {
                          if (!ENV_NAME.matcher(en.key()).matches()) {
                            p.add(
                                en.keyLoc(),
                                "environment variable name '" + en.key() + "' is not valid.");
                          }
                          p.scalarText(en.value(), "env '" + en.key() + "'")
                              .ifPresent(v -> env.put(en.key(), v));
                        }));
    boolean keep = p.bool(b, "keep_background_processes").orElse(false);
    return cmd.map(c -> new ShellTask(c, env, p.string(b, "working_dir"), keep));
  }
}
