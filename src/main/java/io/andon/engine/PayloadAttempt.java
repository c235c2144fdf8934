package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.ResultState;
import io.andon.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An attempt of a payload that another part of andon contributes ({@link PayloadRunner}): runs it
 * with its {@link TaskContext}, within the task's timeout, and turns its outcome into the attempt's
 * result.
 */
final class PayloadAttempt {
  private PayloadAttempt() {}

  /**
   * @param seen the tasks that had finished when the attempt was dispatched: its task values
   */
  static AttemptResult run(
      AttemptEnv env, AttemptView a, PayloadRunner runner, Resolver r, TaskViews.Snapshot seen)
      throws IOException, InterruptedException {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    try (OutputStream out = Files.newOutputStream(a.log());
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      Context ctx = new Context(env, a, r, seen, values, ps);
      CompletableFuture<TaskOutcome> f =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return runner.run(a.spec().payload(), ctx);
                } catch (RuntimeException e) {
                  throw e;
                } catch (Exception e) {
                  throw new CompletionException(e);
                }
              });
      long timeout = a.spec().timeoutSeconds();
      TaskOutcome outcome;
      try {
        outcome = waitFor(env.timers, f, a.live(), timeout);
      } catch (TimeoutException e) {
        ctx.cancelled = true;
        f.cancel(true);
        String m = "timed out after " + timeout + " s (timeout_seconds)";
        ps.println("andon: " + m);
        return new AttemptResult(ResultState.TIMEDOUT, null, m, Map.of());
      } catch (ExecutionException e) {
        Throwable c =
            e.getCause() instanceof CompletionException ce && ce.getCause() != null
                ? ce.getCause()
                : e.getCause();
        String m = c.getMessage() == null ? c.toString() : c.getMessage();
        ps.println("andon: " + m);
        return AttemptResult.of(ResultState.FAILED, m);
      }
      if (a.live().killRequested()) {
        return AttemptResult.of(a.live().killedAs(), "canceled");
      }
      ps.println(
          "andon: " + (outcome.success() ? "succeeded" : "failed") + ": " + outcome.message());
      return new AttemptResult(
          outcome.success() ? ResultState.SUCCESS : ResultState.FAILED,
          null,
          outcome.message(),
          values);
    }
  }

  /** The outcome of {@code f}, once it comes, unless the attempt is killed or times out first. */
  private static TaskOutcome waitFor(
      Timers timers, CompletableFuture<TaskOutcome> f, LiveAttempt live, long timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<Void> expired = new CompletableFuture<>();
    Timers.Timer timer =
        timeout <= 0 ? null : timers.schedule(timeout * 1000, () -> expired.complete(null));
    try {
      while (true) {
        try {
          return f.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (live.killRequested()) {
            f.cancel(true);
            return TaskOutcome.failure("canceled");
          }
          if (expired.isDone()) {
            throw e;
          }
        }
      }
    } finally {
      if (timer != null) {
        timer.cancel();
      }
    }
  }

  /** The context a contributed payload sees. */
  private static final class Context implements TaskContext {
    private final AttemptEnv env;
    private final AttemptView a;
    private final Resolver resolver;
    private final TaskViews.Snapshot seen;
    private final Map<String, JsonNode> values;
    private final PrintStream log;
    volatile boolean cancelled;

    Context(
        AttemptEnv env,
        AttemptView a,
        Resolver resolver,
        TaskViews.Snapshot seen,
        Map<String, JsonNode> values,
        PrintStream log) {
      this.env = env;
      this.a = a;
      this.resolver = resolver;
      this.seen = seen;
      this.values = values;
      this.log = log;
    }

    @Override
    public long runId() {
      return env.run.runId();
    }

    @Override
    public String jobName() {
      return env.job().name();
    }

    @Override
    public String taskKey() {
      return a.taskKey();
    }

    @Override
    public int attempt() {
      return a.number();
    }

    @Override
    public Path baseDir() {
      return env.job().dir();
    }

    @Override
    public Path home() {
      return env.home();
    }

    @Override
    public Store store() {
      return env.store;
    }

    @Override
    public String resolve(String template) {
      return resolver.resolve(template);
    }

    @Override
    public Map<String, String> jobParameters() {
      return env.run.params();
    }

    @Override
    public Map<String, Map<String, JsonNode>> taskValues() {
      return seen.values();
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
      return cancelled || a.live().killRequested();
    }
  }
}
