package io.andon.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.ui.results.LogTail;
import io.andon.ui.results.TaskRunView;
import io.andon.ui.results.TaskRuns;
import io.andon.util.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task run page at {@code /runs/{run_id}/tasks/{task_key}}: the task's attempts, one attempt's
 * log (its last {@value #FIRST_BYTES} bytes, then a live tail while the attempt runs, and a search
 * over the whole log), its task values, and what a gate, TDG or monitor task found. The live tail
 * is a long poll: the page asks for what follows its offset and the service answers as soon as the
 * log grows or the attempt ends, or after {@value #WAIT_MILLIS} ms with nothing; one request at a
 * time per open page.
 */
public final class TaskRunPage {
  /** How much of the end of a log the page shows before the browser asks for more. */
  static final int FIRST_BYTES = 64 * 1024;

  /** How long a tail request waits for the log to grow. */
  static final long WAIT_MILLIS = 10_000;

  private static final long POLL_MILLIS = 100;

  /** A task value as the page shows it: its name and JSON text. */
  public record Value(String name, String json) {}

  /** The log of the attempt shown: its text from {@code from}, and whether it may still grow. */
  public record Log(
      int attempt,
      long from,
      long next,
      String text,
      boolean live,
      Optional<LogTail.Search> search) {}

  /** The page's model. */
  public record Model(TaskRunView task, StateMark state, List<Value> values, Log log, Instant now) {
    /** How long an attempt ran, in words. */
    public String took(TaskRunView.Attempt a) {
      return RunText.duration(a.duration(now).toMillis());
    }

    /** A number with 4 significant digits, or a dash when there is none. */
    public String num(java.util.OptionalDouble v) {
      return Texts.num(v);
    }

    /** A time in UTC, to the second. */
    public String at(Instant i) {
      return Texts.at(i);
    }

    /** The mark of an attempt's result, or running while it has none. */
    public StateMark mark(TaskRunView.Attempt a) {
      return StateMark.of(a.end().isPresent() ? "TERMINATED" : "RUNNING", a.resultState());
    }
  }

  private final WebUi.Setup setup;
  private final TaskRuns runs;

  TaskRunPage(WebUi.Setup setup) {
    this.setup = setup;
    this.runs = new TaskRuns(setup.store());
  }

  void routes(UiRoutes routes) {
    routes
        .page("/runs/{run_id}/tasks/{task_key}", this::page)
        .page("/runs/{run_id}/tasks/{task_key}/log", this::tail);
  }

  private TaskRunView find(UiRequest r) {
    long runId = r.idParam("run_id");
    String key = r.param("task_key");
    return runs.find(runId, key)
        .orElseThrow(
            () ->
                UiException.notFound(
                    "run "
                        + runId
                        + " has no task '"
                        + key
                        + "'; the run's page lists its tasks."));
  }

  private int attempt(UiRequest r, TaskRunView t) {
    int last = t.attempts().size();
    Optional<String> given = r.queryParam("attempt");
    if (given.isEmpty()) {
      return last;
    }
    if (!given.get().matches("[0-9]{1,6}")
        || Integer.parseInt(given.get()) < 1
        || Integer.parseInt(given.get()) > last) {
      throw UiException.invalid(
          "attempt must be a number from 1 to " + last + ", not '" + given.get() + "'.");
    }
    return Integer.parseInt(given.get());
  }

  private UiResponse page(UiRequest r) {
    TaskRunView t = find(r);
    List<Value> values = new ArrayList<>();
    t.values().forEach((k, v) -> values.add(new Value(k, Json.pretty(v))));
    Log log = new Log(0, 0, 0, "", false, Optional.empty());
    if (!t.attempts().isEmpty()) {
      int n = attempt(r, t);
      Optional<Path> file = runs.log(t.runId(), t.taskKey(), n);
      long size = file.map(TaskRunPage::size).orElse(0L);
      LogTail.Chunk c =
          file.map(f -> LogTail.read(f, Math.max(0, size - FIRST_BYTES)))
              .orElse(new LogTail.Chunk(0, 0, 0, ""));
      Optional<LogTail.Search> search =
          r.queryParam("q")
              .filter(q -> !q.isBlank())
              .flatMap(q -> file.map(f -> LogTail.search(f, q)));
      boolean live = t.attempts().get(n - 1).end().isEmpty();
      log = new Log(n, c.offset(), c.next(), c.text(), live, search);
    }
    Chrome chrome =
        new Chrome(
            t.taskKey() + " · run " + t.runId(),
            Chrome.Section.JOBS,
            r.visitor(),
            setup.readsNeedToken());
    StateMark state = StateMark.of(t.state(), t.resultState());
    return Views.page(
        "task.jte", chrome, new Model(t, state, values, log, setup.clock().instant()));
  }

  private static long size(Path p) {
    try {
      return java.nio.file.Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /** What follows {@code offset} in the attempt's log, waiting for it while the attempt runs. */
  private UiResponse tail(UiRequest r) {
    long runId = r.idParam("run_id");
    String key = r.param("task_key");
    String o = r.queryParam("offset").orElse("0");
    if (!o.matches("[0-9]{1,18}")) {
      throw UiException.invalid("offset must be a whole number of bytes, not '" + o + "'.");
    }
    long offset = Long.parseLong(o);
    TaskRunView t = find(r);
    int n = attempt(r, t);
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    while (true) {
      boolean ended = runs.attemptEnded(runId, key, n);
      Optional<Path> file = runs.log(runId, key, n);
      LogTail.Chunk c =
          file.map(f -> LogTail.read(f, offset)).orElse(new LogTail.Chunk(offset, offset, 0, ""));
      if (!c.text().isEmpty() || ended || System.nanoTime() > deadline) {
        ObjectNode out = Json.object();
        out.put("offset", c.offset());
        out.put("next", c.next());
        out.put("text", c.text());
        out.put("done", ended && c.next() >= c.size());
        return new UiResponse.Json(Json.write(out));
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new UiResponse.Json(
            Json.write(Map.of("offset", offset, "next", offset, "text", "", "done", false)));
      }
    }
  }
}
