package io.andon.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * andon's own payload: a command run through {@code /bin/sh -c} in its own process group.
 *
 * @param env extra environment variables (values may hold references)
 * @param workingDir relative to the job file's folder; default that folder
 * @param keepBackgroundProcesses when false (the default), what the command left running in its
 *     process group is killed when the command ends
 */
public record ShellTask(
    String command,
    Map<String, String> env,
    Optional<String> workingDir,
    boolean keepBackgroundProcesses)
    implements Payload {
  public static final String KEY = "shell_task";

  public ShellTask {
    Objects.requireNonNull(command, "command");
    env = Map.copyOf(env);
    Objects.requireNonNull(workingDir, "workingDir");
  }

  /** A shell task whose background processes end with it. */
  public ShellTask(String command, Map<String, String> env, Optional<String> workingDir) {
    this(command, env, workingDir, false);
  }

  @Override
  public String type() {
    return KEY;
  }

  @Override
  public List<String> templates() {
    List<String> t = new ArrayList<>();
    t.add(command);
    t.addAll(env.values());
    workingDir.ifPresent(t::add);
    return t;
  }
}
