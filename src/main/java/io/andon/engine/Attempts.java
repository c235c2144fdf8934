package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.JobSpec;
import io.andon.job.Payload;
import io.andon.job.ResultState;
import io.andon.job.RunJobTask;
import io.andon.job.ShellTask;
import io.andon.store.Store;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one attempt of a unit on a worker thread: a process, a child job, or a payload runner. */
final class Attempts {
  private static final String SETSID = findSetsid();
  private static final java.util.Optional<String> JAR = jarPath();
  private static final java.util.concurrent.ScheduledExecutorService TIMEOUTS =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "andon-timeouts");
        t.setDaemon(true);
        return t;
      });

  private Attempts() {}

  private static String findSetsid() {
    for (String p : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
      if (new File(p).canExecute()) {
        return p;
      }
    }
    return null;
  }

  /**
   * The log of the current attempt of {@code u} in the run's log folder {@code dir}: {@code
   * <home>/logs/run-<id>/<task_key>[.iteration-<i>].attempt-<n>.log}, with the task key as
   * {@link #fileStem} gives it.
   */
  static Path logPath(Path dir, Unit u) {
    String name = fileStem(u.taskKey) + (u.iteration < 0 ? "" : ".iteration-" + u.iteration)
        + ".attempt-" + u.attempts + ".log";
    return dir.resolve(name);
  }

  /** Longest task key used as it is in file names: Databricks' own limit for task_key. */
  static final int KEY_IN_FILE_NAME = 100;

  /**
   * A task key as the start of its file names: the key itself up to {@link #KEY_IN_FILE_NAME}
   * characters, and a longer one as its first 80 characters, '~' and 16 hex digits of its
   * SHA-256. Task keys are ASCII and hold no '~', so the names stay distinct, and with the
   * longest suffix andon adds they stay far below the 255 bytes file systems allow for a name.
   */
  static String fileStem(String taskKey) {
    if (taskKey.length() <= KEY_IN_FILE_NAME) {
      return taskKey;
    }
    byte[] hash;
    try {
      hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(taskKey.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    return taskKey.substring(0, 80) + "~" + java.util.HexFormat.of().formatHex(hash, 0, 8);
  }

  /** The folder of a run's values files, in its log folder. */
  static final String VALUES_DIR = "values";

  static Path runLogDir(Path home, long runId) {
    return home.resolve("logs").resolve("run-" + runId);
  }

  static AttemptResult run(RunLoop loop, Unit u, int attempt) throws Exception {
    Path log = u.logPath; // set when the attempt was dispatched
    Payload p = u.spec.payload();
    Resolver resolver = new Resolver(loop, u);
    if (p instanceof ShellTask s) {
      return shell(loop, u, s, resolver, log);
    }
    if (p instanceof RunJobTask rj) {
      return runJob(loop, u, rj, resolver, log);
    }
    PayloadRunner runner = loop.executor().runner(p.type()).orElse(null);
    if (runner == null) {
      return AttemptResult.of(ResultState.FAILED, "no runner for " + p.type()
          + " in this build of andon");
    }
    return payload(loop, u, runner, resolver, log, attempt);
  }

  static void kill(Unit u) {
    Process p = u.process;
    if (p != null) {
      Processes.killGroup(p.pid());
    }
    long pid = u.nativePid;
    if (pid > 0) {
      Processes.killGroup(pid);
    }
    Executor c = u.child;
    if (c != null) {
      c.cancel();
    }
  }

  // ---------------------------------------------------------------- shell

  /** A shell attempt ready to start: what {@link #prepareShell} returns when nothing failed. */
  record ShellStart(String command, Map<String, String> own, ShellEnv base, Path dir, Path log,
      Path values) {}

  /**
   * Resolves the command, environment and working directory of a shell attempt and clears its
   * values file: a {@link ShellStart}, or the {@link AttemptResult} of an attempt that failed
   * before starting.
   */
  static Object prepareShell(RunLoop loop, Unit u, ShellTask s, Resolver r, Path log)
      throws IOException {
    String command;
    Map<String, String> env = new LinkedHashMap<>();
    Path dir;
    ShellEnv base = loop.shellEnv();
    try {
      // reference values reach the shell as variables, never as code
      ShellReferences refs = ShellReferences.of(s.command());
      command = refs.script();
      for (int i = 0; i < refs.references().size(); i++) {
        env.put(ShellReferences.variable(i), r.resolve(refs.references().get(i).text()));
      }
      for (Map.Entry<String, String> e : s.env().entrySet()) {
        env.put(e.getKey(), r.resolve(e.getValue()));
      }
      dir = s.workingDir().map(w -> base.dir().resolve(r.resolve(w)).normalize())
          .orElse(base.dir());
    } catch (IllegalStateException e) {
      Files.writeString(log, "andon: " + e.getMessage() + "\n", StandardCharsets.UTF_8);
      return AttemptResult.of(ResultState.FAILED, e.getMessage());
    }
    // the job file's folder was there when the job loaded; a working_dir is checked each time
    if (dir != base.dir() && !Files.isDirectory(dir)) {
      String m = "working_dir " + dir + " does not exist";
      Files.writeString(log, "andon: " + m + "\n", StandardCharsets.UTF_8);
      return AttemptResult.of(ResultState.FAILED, m);
    }
    // values files have a folder of their own: few tasks write one, and looking for a file that
    // is not there costs less among a few names than among a run's thousands of logs
    Path values = log.resolveSibling(VALUES_DIR)
        .resolve(log.getFileName().toString().replace(".log", ".values"));
    if (!loop.newLogDir()) {
      Files.deleteIfExists(values); // a repair, or logs left by an earlier store
    }
    Map<String, String> own = new LinkedHashMap<>();
    own.put("ANDON_TASK_KEY", u.taskKey);
    own.put("ANDON_ATTEMPT", Integer.toString(u.attempts));
    own.put("ANDON_TASK_VALUES", values.toAbsolutePath().toString());
    if (u.input != null) {
      own.put("ANDON_INPUT", TaskValues.render(io.andon.util.Json.read(u.input)));
    }
    own.putAll(env);
    return new ShellStart(command, own, base, dir, log, values);
  }

  /**
   * Starts a prepared shell attempt with the native launcher, its output to {@code spool} when
   * not null (linked under the log's name already); returns the pid.
   */
  static long spawnShell(ShellStart st, NativeSpawn.Env base, NativeSpawn.Spool spool)
      throws IOException {
    String[] argv = {"/bin/sh", "-c", st.command()};
    String[] own = base == null ? null : st.base().ownOnly(st.own());
    return own != null ? NativeSpawn.spawn(argv, base, own, st.dir(), st.log(), spool)
        : NativeSpawn.spawn(argv, null, st.base().array(st.own()), st.dir(), st.log(), spool);
  }

  private static AttemptResult shell(RunLoop loop, Unit u, ShellTask s, Resolver r, Path log)
      throws IOException, InterruptedException {
    Object prepared = prepareShell(loop, u, s, r, log);
    if (prepared instanceof AttemptResult failed) {
      return failed;
    }
    ShellStart st = (ShellStart) prepared;
    long timeout = u.spec.timeoutSeconds();
    Integer exitCode = NativeSpawn.available()
        ? runNative(loop, u, st)
        : runJava(loop, u, st.command(), st.base().map(st.own()), st.dir(), log, timeout);
    return finishShell(u, st, exitCode);
  }

  /** The result of a shell attempt that ended with {@code exitCode}, or null when it timed out. */
  static AttemptResult finishShell(Unit u, ShellStart st, Integer exitCode) {
    Path log = st.log();
    Path values = st.values();
    if (exitCode == null) {
      String m = "timed out after " + u.spec.timeoutSeconds() + " s (timeout_seconds); the"
          + " process group was killed";
      append(log, "\nandon: " + m + "\n");
      return new AttemptResult(ResultState.TIMEDOUT, null, m, Map.of());
    }
    int exit = exitCode;
    if (u.killRequested) {
      ResultState as = u.killAs == null ? ResultState.CANCELED : u.killAs;
      return new AttemptResult(as, exit, as == ResultState.TIMEDOUT ? "the job timed out"
          : "canceled", Map.of());
    }
    if (exit != 0) {
      // values written before the failure are kept: later ALL_DONE tasks may want them
      Map<String, JsonNode> partial;
      try {
        partial = TaskValues.read(values);
      } catch (IOException e) {
        partial = Map.of();
      }
      return new AttemptResult(ResultState.FAILED, exit, "exit code " + exit + lastLine(log),
          partial);
    }
    try {
      Map<String, JsonNode> v = TaskValues.read(values);
      return new AttemptResult(ResultState.SUCCESS, 0, "", v);
    } catch (IOException e) {
      append(log, "\nandon: " + e.getMessage() + "\n");
      return new AttemptResult(ResultState.FAILED, 0, e.getMessage(), Map.of());
    }
  }

  /**
   * Starts a prepared shell attempt with the native launcher: records the pid, arms the timeout
   * (which kills the process group and marks the attempt timed out) and honours a kill already
   * asked for. The end goes through {@link #endedNative}, whoever waits for the process.
   */
  static long startNative(RunLoop loop, Unit u, ShellStart st, NativeSpawn.Env base,
      NativeSpawn.Spool spool) throws IOException {
    u.timedOut = false;
    long pid = spawnShell(st, base, spool);
    u.nativePid = pid;
    loop.processStarted(u, pid);
    long timeout = u.spec.timeoutSeconds();
    u.timeoutTask = timeout <= 0 ? null : TIMEOUTS.schedule(() -> {
      u.timedOut = true;
      Processes.killGroup(pid);
    }, timeout, TimeUnit.SECONDS);
    if (u.killRequested) {
      Processes.killGroup(pid);
    }
    return pid;
  }

  /** The native process of {@code u} ended with {@code exit}: that, or null when it timed out. */
  static Integer endedNative(Unit u, int exit) {
    java.util.concurrent.ScheduledFuture<?> timer = u.timeoutTask;
    if (timer != null) {
      timer.cancel(false);
      u.timeoutTask = null;
    }
    endGroup(u, u.nativePid);
    u.nativePid = 0;
    return u.timedOut ? null : exit;
  }

  /** Exit code, or null when the attempt timed out. */
  private static Integer runNative(RunLoop loop, Unit u, ShellStart st) throws IOException {
    return endedNative(u, NativeSpawn.waitFor(startNative(loop, u, st, null, null)));
  }

  /** Exit code, or null when the attempt timed out. */
  private static Integer runJava(RunLoop loop, Unit u, String command, Map<String, String> env,
      Path dir, Path log, long timeout) throws IOException, InterruptedException {
    ProcessBuilder pb = SETSID != null
        ? new ProcessBuilder(SETSID, "/bin/sh", "-c", command)
        : new ProcessBuilder("/bin/sh", "-c", command);
    pb.directory(dir.toFile());
    pb.redirectInput(Redirect.from(new File("/dev/null")));
    pb.redirectErrorStream(true);
    pb.redirectOutput(Redirect.appendTo(log.toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process proc = pb.start();
    u.process = proc;
    loop.processStarted(u, proc.pid());
    if (u.killRequested) {
      Processes.killGroup(proc.pid());
    }
    boolean done = timeout > 0 ? proc.waitFor(timeout, TimeUnit.SECONDS) : proc.waitFor() >= 0;
    if (!done) {
      Processes.killGroup(proc.pid());
      proc.waitFor();
      u.process = null;
      return null;
    }
    u.process = null;
    endGroup(u, proc.pid());
    return proc.exitValue();
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

  /** The environment variable for a job parameter: ANDON_PARAM_ and the name in capitals. */
  static String paramVar(String name) {
    return "ANDON_PARAM_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  /** The andon jar this code runs from, if it runs from one. */
  static java.util.Optional<String> jar() {
    return JAR;
  }

  private static java.util.Optional<String> jarPath() {
    try {
      var src = Attempts.class.getProtectionDomain().getCodeSource();
      if (src != null && src.getLocation().getPath().endsWith(".jar")) {
        return java.util.Optional.of(Path.of(src.getLocation().toURI()).toString());
      }
    } catch (Exception e) {
      // not from a jar
    }
    return java.util.Optional.empty();
  }

  private static String lastLine(Path log) {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 4096);
      byte[] b = new byte[n];
      f.seek(len - n);
      f.readFully(b);
      String tail = new String(b, StandardCharsets.UTF_8).strip();
      int nl = tail.lastIndexOf('\n');
      String line = nl < 0 ? tail : tail.substring(nl + 1);
      if (line.length() > 200) {
        line = line.substring(0, 200) + "...";
      }
      return line.isEmpty() ? "" : ": " + line;
    } catch (IOException e) {
      return "";
    }
  }

  private static void append(Path log, String text) {
    try {
      Files.writeString(log, text, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is best effort once the attempt has ended
    }
  }

  // ---------------------------------------------------------------- run_job_task

  private static AttemptResult runJob(RunLoop loop, Unit u, RunJobTask rj, Resolver r, Path log)
      throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    try {
      rj.jobParameters().forEach((k, v) -> params.put(k, r.resolve(v)));
    } catch (IllegalStateException e) {
      return AttemptResult.of(ResultState.FAILED, e.getMessage());
    }
    Executor child = loop.executor().child(loop.runId);
    u.child = child;
    if (u.killRequested) {
      child.cancel();
    }
    JobSpec job = rj.job();
    Executor.Outcome out = child.run(job, params, io.andon.job.TriggerInfo.of(
        io.andon.job.TriggerType.RUN_JOB_TASK, loop.executor().options().clock().instant()));
    u.child = null;
    String m = "child run " + out.runId() + " of job " + job.name() + " ended " + out.result()
        + (out.message().isEmpty() ? "" : " (" + out.message() + ")");
    Files.writeString(log, m + "\n", StandardCharsets.UTF_8);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put("run_id", io.andon.util.Json.mapper().getNodeFactory().numberNode(out.runId()));
    values.put("result_state",
        io.andon.util.Json.mapper().getNodeFactory().textNode(out.result().name()));
    if (out.result().countsAsSuccess()) {
      return new AttemptResult(ResultState.SUCCESS, null, m, values);
    }
    ResultState res = out.result() == ResultState.CANCELED ? ResultState.CANCELED
        : out.result() == ResultState.TIMEDOUT ? ResultState.TIMEDOUT : ResultState.FAILED;
    return new AttemptResult(res, null, m, values);
  }

  // ---------------------------------------------------------------- contributed payloads

  private static AttemptResult payload(RunLoop loop, Unit u, PayloadRunner runner, Resolver r,
      Path log, int attempt) throws IOException, InterruptedException {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    try (OutputStream out = Files.newOutputStream(log);
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      Context ctx = new Context(loop, u, attempt, r, values, ps);
      CompletableFuture<TaskOutcome> f = CompletableFuture.supplyAsync(() -> {
        try {
          return runner.run(u.spec.payload(), ctx);
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      });
      long timeout = u.spec.timeoutSeconds();
      TaskOutcome outcome;
      try {
        outcome = waitFor(f, u, timeout);
      } catch (TimeoutException e) {
        ctx.cancelled = true;
        f.cancel(true);
        String m = "timed out after " + timeout + " s (timeout_seconds)";
        ps.println("andon: " + m);
        return new AttemptResult(ResultState.TIMEDOUT, null, m, Map.of());
      } catch (ExecutionException e) {
        Throwable c = e.getCause() instanceof java.util.concurrent.CompletionException ce
            && ce.getCause() != null ? ce.getCause() : e.getCause();
        String m = c.getMessage() == null ? c.toString() : c.getMessage();
        ps.println("andon: " + m);
        return AttemptResult.of(ResultState.FAILED, m);
      }
      if (u.killRequested) {
        return AttemptResult.of(u.killAs == null ? ResultState.CANCELED : u.killAs, "canceled");
      }
      ps.println("andon: " + (outcome.success() ? "succeeded" : "failed") + ": "
          + outcome.message());
      return new AttemptResult(outcome.success() ? ResultState.SUCCESS : ResultState.FAILED,
          null, outcome.message(), values);
    }
  }

  private static TaskOutcome waitFor(CompletableFuture<TaskOutcome> f, Unit u, long timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = timeout > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(timeout)
        : Long.MAX_VALUE;
    while (true) {
      try {
        return f.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (u.killRequested) {
          f.cancel(true);
          return TaskOutcome.failure("canceled");
        }
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  /** The context a contributed payload sees. */
  private static final class Context implements TaskContext {
    private final RunLoop loop;
    private final Unit u;
    private final int attempt;
    private final Resolver resolver;
    private final Map<String, JsonNode> values;
    private final PrintStream log;
    volatile boolean cancelled;

    Context(RunLoop loop, Unit u, int attempt, Resolver resolver, Map<String, JsonNode> values,
        PrintStream log) {
      this.loop = loop;
      this.u = u;
      this.attempt = attempt;
      this.resolver = resolver;
      this.values = values;
      this.log = log;
    }

    @Override
    public long runId() {
      return loop.runId;
    }

    @Override
    public String jobName() {
      return loop.job.name();
    }

    @Override
    public String taskKey() {
      return u.taskKey;
    }

    @Override
    public int attempt() {
      return attempt;
    }

    @Override
    public Path baseDir() {
      return loop.job.dir();
    }

    @Override
    public Path home() {
      return loop.executor().home();
    }

    @Override
    public Store store() {
      return loop.executor().store();
    }

    @Override
    public String resolve(String template) {
      return resolver.resolve(template);
    }

    @Override
    public Map<String, String> jobParameters() {
      return java.util.Collections.unmodifiableMap(loop.params);
    }

    @Override
    public Map<String, Map<String, JsonNode>> taskValues() {
      Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
      for (Unit x : loop.units) {
        if (x.result != null) {
          out.put(x.taskKey, java.util.Collections.unmodifiableMap(
              new LinkedHashMap<>(x.values)));
        }
      }
      return out;
    }

    @Override
    public synchronized void putValue(String name, JsonNode value) {
      try {
        TaskValues.put(values, name, value);
      } catch (IOException e) {
        throw new IllegalArgumentException(e.getMessage());
      }
    }

    @Override
    public PrintStream log() {
      return log;
    }

    @Override
    public boolean cancelled() {
      return cancelled || u.killRequested;
    }
  }
}
