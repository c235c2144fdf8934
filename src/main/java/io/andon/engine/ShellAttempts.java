package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.ResultState;
import io.andon.job.ShellTask;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shell attempts: prepared on the scheduling thread (their references read other tasks' state),
 * started by the native launcher or {@link ProcessBuilder}, ended into an {@link AttemptResult}.
 */
final class ShellAttempts {
  private static final String SETSID = findSetsid();

  private ShellAttempts() {}

  /** What preparing a shell attempt gives: an attempt ready to start, or one that failed. */
  sealed interface Prepared permits ShellStart, Failed {}

  /** A shell attempt ready to start. */
  record ShellStart(
      AttemptView attempt,
      String command,
      Map<String, String> own,
      ShellEnv base,
      Path dir,
      Path log,
      Path values)
      implements Prepared {}

  /** A shell attempt that failed before it could start (a reference, a working_dir). */
  record Failed(AttemptResult result) implements Prepared {}

  private static String findSetsid() {
    for (String p : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
      if (new File(p).canExecute()) {
        return p;
      }
    }
    return null;
  }

  /**
   * Resolves the command, environment and working directory of a shell attempt and clears its
   * values file.
   */
  static Prepared prepare(AttemptEnv env, AttemptView a, ShellTask s, Resolver r)
      throws IOException {
    Path log = a.log();
    String command;
    Map<String, String> vars = new LinkedHashMap<>();
    Path dir;
    ShellEnv base = env.shellEnv();
    try {
      // reference values reach the shell as variables, never as code
      ShellReferences refs = ShellReferences.of(s.command());
      command = refs.script();
      for (int i = 0; i < refs.references().size(); i++) {
        vars.put(ShellReferences.variable(i), r.resolve(refs.references().get(i).text()));
      }
      for (Map.Entry<String, String> e : s.env().entrySet()) {
        vars.put(e.getKey(), r.resolve(e.getValue()));
      }
      dir =
          s.workingDir().map(w -> base.dir().resolve(r.resolve(w)).normalize()).orElse(base.dir());
    } catch (IllegalStateException e) {
      AttemptLogs.write(log, "andon: " + e.getMessage() + "\n");
      return new Failed(AttemptResult.of(ResultState.FAILED, e.getMessage()));
    }
    // the job file's folder was there when the job loaded; a working_dir is checked each time
    if (dir != base.dir() && !Files.isDirectory(dir)) {
      String m = "working_dir " + dir + " does not exist";
      AttemptLogs.write(log, "andon: " + m + "\n");
      return new Failed(AttemptResult.of(ResultState.FAILED, m));
    }
    Path values = AttemptLogs.valuesPath(log);
    if (!env.newLogDir()) {
      Files.deleteIfExists(values); // a repair, or logs left by an earlier store
    }
    Map<String, String> own = new LinkedHashMap<>();
    own.put("ANDON_TASK_KEY", a.taskKey());
    own.put("ANDON_ATTEMPT", Integer.toString(a.number()));
    own.put("ANDON_TASK_VALUES", values.toAbsolutePath().toString());
    if (a.input().isPresent()) {
      own.put("ANDON_INPUT", TaskValues.render(io.andon.util.Json.read(a.input().get())));
    }
    own.putAll(vars);
    return new ShellStart(a, command, own, base, dir, log, values);
  }

  /** Runs a shell attempt on this worker thread, from preparing it to its end. */
  static AttemptResult run(AttemptEnv env, AttemptView a, ShellTask s, Resolver r)
      throws IOException, InterruptedException {
    Prepared p = prepare(env, a, s, r);
    if (p instanceof Failed f) {
      return f.result();
    }
    ShellStart st = (ShellStart) p;
    return finish(st, NativeSpawn.available() ? runNative(env, st) : runJava(env, st));
  }

  /** The result of a shell attempt that ended with {@code exitCode}, or null when it timed out. */
  static AttemptResult finish(ShellStart st, Integer exitCode) {
    Path log = st.log();
    AttemptView a = st.attempt();
    if (exitCode == null) {
      String m =
          "timed out after "
              + a.spec().timeoutSeconds()
              + " s (timeout_seconds); the"
              + " process group was killed";
      AttemptLogs.append(log, "\nandon: " + m + "\n");
      return new AttemptResult(ResultState.TIMEDOUT, null, m, Map.of());
    }
    int exit = exitCode;
    if (a.live().killRequested()) {
      ResultState as = a.live().killedAs();
      return new AttemptResult(
          as, exit, as == ResultState.TIMEDOUT ? "the job timed out" : "canceled", Map.of());
    }
    if (exit != 0) {
      // values written before the failure are kept: later ALL_DONE tasks may want them
      Map<String, JsonNode> partial;
      try {
        partial = TaskValues.read(st.values());
      } catch (IOException e) {
        partial = Map.of();
      }
      return new AttemptResult(
          ResultState.FAILED, exit, "exit code " + exit + AttemptLogs.lastLine(log), partial);
    }
    try {
      return new AttemptResult(ResultState.SUCCESS, 0, "", TaskValues.read(st.values()));
    } catch (IOException e) {
      AttemptLogs.append(log, "\nandon: " + e.getMessage() + "\n");
      return new AttemptResult(ResultState.FAILED, 0, e.getMessage(), Map.of());
    }
  }

  /**
   * Starts a prepared shell attempt with the native launcher: records the pid, arms the timeout
   * (which kills the process group and marks the attempt timed out) and honours a kill already
   * asked for. The end goes through {@link #endedNative}, whoever waits for the process.
   *
   * @param base the run's environment for the native launcher, or null to pass it whole
   * @param spool where the output goes (linked under the log's name already), or null
   */
  static long startNative(
      AttemptEnv env, ShellStart st, NativeSpawn.Env base, NativeSpawn.Spool spool)
      throws IOException {
    AttemptView a = st.attempt();
    String[] argv = {"/bin/sh", "-c", st.command()};
    String[] own = base == null ? null : st.base().ownOnly(st.own());
    long pid =
        own != null
            ? NativeSpawn.spawn(argv, base, own, st.dir(), st.log(), spool)
            : NativeSpawn.spawn(argv, null, st.base().array(st.own()), st.dir(), st.log(), spool);
    LiveAttempt live = a.live();
    live.nativeStarted(pid);
    a.processStarted(pid);
    long timeout = a.spec().timeoutSeconds();
    live.timeoutArmed(
        timeout <= 0
            ? Optional.empty()
            : Optional.of(env.timers.schedule(timeout * 1000, () -> live.timeOut(pid))));
    return pid;
  }

  /** The native process of {@code a} ended with {@code exit}: that, or null when it timed out. */
  static Integer endedNative(AttemptView a, int exit) {
    endGroup(a, a.live().nativeEnded());
    return a.live().timedOut() ? null : exit;
  }

  /** Exit code, or null when the attempt timed out. */
  private static Integer runNative(AttemptEnv env, ShellStart st) throws IOException {
    return endedNative(st.attempt(), NativeSpawn.waitFor(startNative(env, st, null, null)));
  }

  /** Exit code, or null when the attempt timed out. */
  private static Integer runJava(AttemptEnv env, ShellStart st)
      throws IOException, InterruptedException {
    AttemptView a = st.attempt();
    ProcessBuilder pb =
        SETSID != null
            ? new ProcessBuilder(SETSID, "/bin/sh", "-c", st.command())
            : new ProcessBuilder("/bin/sh", "-c", st.command());
    pb.directory(st.dir().toFile());
    pb.redirectInput(Redirect.from(new File("/dev/null")));
    pb.redirectErrorStream(true);
    pb.redirectOutput(Redirect.appendTo(st.log().toFile()));
    pb.environment().clear();
    pb.environment().putAll(st.base().map(st.own()));
    Process proc = pb.start();
    a.live().processStarted(proc);
    a.processStarted(proc.pid());
    long timeout = a.spec().timeoutSeconds();
    AtomicBoolean timedOut = new AtomicBoolean();
    Timers.Timer timer =
        timeout <= 0
            ? null
            : env.timers.schedule(
                timeout * 1000,
                () -> {
                  timedOut.set(true);
                  Processes.killGroup(proc.pid());
                });
    int exit = proc.waitFor();
    if (timer != null) {
      timer.cancel();
    }
    a.live().processEnded();
    if (timedOut.get()) {
      return null;
    }
    endGroup(a, proc.pid());
    return exit;
  }

  /**
   * The main process of {@code a}, {@code pid}, has ended: kills what it left running in its
   * process group, unless the task keeps its background processes.
   */
  private static void endGroup(AttemptView a, long pid) {
    if (pid > 0 && !(a.spec().payload() instanceof ShellTask s && s.keepBackgroundProcesses())) {
      Processes.killGroup(pid);
    }
  }
}
