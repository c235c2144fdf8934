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
      String command, Map<String, String> own, ShellEnv base, Path dir, Path log, Path values)
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
  static Prepared prepare(AttemptEnv env, Unit u, ShellTask s, Resolver r, Path log)
      throws IOException {
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
    own.put("ANDON_TASK_KEY", u.taskKey);
    own.put("ANDON_ATTEMPT", Integer.toString(u.attempts));
    own.put("ANDON_TASK_VALUES", values.toAbsolutePath().toString());
    if (u.input != null) {
      own.put("ANDON_INPUT", TaskValues.render(io.andon.util.Json.read(u.input)));
    }
    own.putAll(vars);
    return new ShellStart(command, own, base, dir, log, values);
  }

  /** Runs a shell attempt on this worker thread, from preparing it to its end. */
  static AttemptResult run(AttemptEnv env, Unit u, ShellTask s, Resolver r, Path log)
      throws IOException, InterruptedException {
    Prepared p = prepare(env, u, s, r, log);
    if (p instanceof Failed f) {
      return f.result();
    }
    ShellStart st = (ShellStart) p;
    return finish(u, st, NativeSpawn.available() ? runNative(env, u, st) : runJava(env, u, st));
  }

  /** The result of a shell attempt that ended with {@code exitCode}, or null when it timed out. */
  static AttemptResult finish(Unit u, ShellStart st, Integer exitCode) {
    Path log = st.log();
    if (exitCode == null) {
      String m =
          "timed out after "
              + u.spec.timeoutSeconds()
              + " s (timeout_seconds); the"
              + " process group was killed";
      AttemptLogs.append(log, "\nandon: " + m + "\n");
      return new AttemptResult(ResultState.TIMEDOUT, null, m, Map.of());
    }
    int exit = exitCode;
    if (u.killRequested) {
      ResultState as = u.killAs == null ? ResultState.CANCELED : u.killAs;
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
      AttemptEnv env, Unit u, ShellStart st, NativeSpawn.Env base, NativeSpawn.Spool spool)
      throws IOException {
    u.timedOut = false;
    String[] argv = {"/bin/sh", "-c", st.command()};
    String[] own = base == null ? null : st.base().ownOnly(st.own());
    long pid =
        own != null
            ? NativeSpawn.spawn(argv, base, own, st.dir(), st.log(), spool)
            : NativeSpawn.spawn(argv, null, st.base().array(st.own()), st.dir(), st.log(), spool);
    u.nativePid = pid;
    env.processStarted(u, pid);
    long timeout = u.spec.timeoutSeconds();
    u.timeoutTask =
        timeout <= 0
            ? null
            : env.timers.schedule(
                timeout * 1000,
                () -> {
                  u.timedOut = true;
                  Processes.killGroup(pid);
                });
    if (u.killRequested) {
      Processes.killGroup(pid);
    }
    return pid;
  }

  /** The native process of {@code u} ended with {@code exit}: that, or null when it timed out. */
  static Integer endedNative(Unit u, int exit) {
    Timers.Timer timer = u.timeoutTask;
    if (timer != null) {
      timer.cancel();
      u.timeoutTask = null;
    }
    endGroup(u, u.nativePid);
    u.nativePid = 0;
    return u.timedOut ? null : exit;
  }

  /** Exit code, or null when the attempt timed out. */
  private static Integer runNative(AttemptEnv env, Unit u, ShellStart st) throws IOException {
    return endedNative(u, NativeSpawn.waitFor(startNative(env, u, st, null, null)));
  }

  /** Exit code, or null when the attempt timed out. */
  private static Integer runJava(AttemptEnv env, Unit u, ShellStart st)
      throws IOException, InterruptedException {
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
    u.process = proc;
    env.processStarted(u, proc.pid());
    if (u.killRequested) {
      Processes.killGroup(proc.pid());
    }
    long timeout = u.spec.timeoutSeconds();
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
    u.process = null;
    if (timedOut.get()) {
      return null;
    }
    endGroup(u, proc.pid());
    return exit;
  }

  /**
   * The main process of {@code u}, {@code pid}, has ended: kills what it left running in its
   * process group, unless the task keeps its background processes.
   */
  private static void endGroup(Unit u, long pid) {
    if (pid > 0 && !(u.spec.payload() instanceof ShellTask s && s.keepBackgroundProcesses())) {
      Processes.killGroup(pid);
    }
  }
}
