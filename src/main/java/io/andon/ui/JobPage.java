package io.andon.ui;

import io.andon.job.TaskSpec;
import io.andon.schedule.TriggerText;
import io.andon.serve.ServedJob;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Job page: the runs x tasks grid of a job's last {@value #RUNS} runs (one column per run, one
 * row per task, each cell the task's state with its duration on hover and a link to the task run),
 * and each task's durations across those runs as a small chart drawn on the server.
 */
public final class JobPage {
  static final int RUNS = 25;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** A column's head: a run. */
  public record Column(long runId, StateMark state, String title) {}

  /** A cell: the task's state in one run, or none when the run did not have the task. */
  public record CellView(long runId, StateMark state, String title, boolean ran) {}

  /** A row: a task, its cells (oldest run first) and the points of its duration chart. */
  public record Row(String task, List<CellView> cells, String spark, String sparkLabel) {}

  /** The page's model. */
  public record Model(
      long jobId,
      String name,
      Optional<String> trigger,
      List<Column> columns,
      List<Row> rows,
      List<JobsPage.Param> params) {}

  private final WebUi.Setup setup;

  JobPage(WebUi.Setup setup) {
    this.setup = setup;
  }

  void routes(UiRoutes routes) {
    routes.page("/jobs/{job_id}", this::page);
  }

  private UiResponse page(UiRequest r) {
    long jobId = r.idParam("job_id");
    ServedJob job =
        setup
            .catalog()
            .byId(jobId)
            .orElseThrow(
                () ->
                    UiException.notFound(
                        "job " + jobId + " is not served; the Jobs page lists those that are."));
    List<String> declared = job.spec().tasks().stream().map(TaskSpec::taskKey).toList();
    RunGrid.Grid grid = RunGrid.read(setup.store(), job.name(), declared, RUNS);
    Chrome chrome =
        new Chrome(job.name(), Chrome.Section.JOBS, r.visitor(), setup.readsNeedToken());
    return Views.page("job.jte", chrome, model(job, grid));
  }

  static Model model(ServedJob job, RunGrid.Grid grid) {
    List<Column> columns = new ArrayList<>();
    for (RunGrid.Run run : grid.runs()) {
      String took =
          run.endTime().map(e -> ", took " + RunText.duration(e - run.startTime())).orElse("");
      columns.add(
          new Column(
              run.runId(),
              run.state(),
              "Run "
                  + run.runId()
                  + ": "
                  + run.state().label()
                  + ", started "
                  + WHEN.format(Instant.ofEpochMilli(run.startTime()))
                  + took));
    }
    List<Row> rows = new ArrayList<>(grid.tasks().size());
    for (String task : grid.tasks()) {
      List<CellView> cells = new ArrayList<>(grid.runs().size());
      long[] durations = new long[grid.runs().size()];
      int i = 0;
      for (RunGrid.Run run : grid.runs()) {
        Optional<RunGrid.Cell> cell = grid.cell(run.runId(), task);
        durations[i++] = cell.map(RunGrid.Cell::durationMs).orElse(0L);
        cells.add(
            cell.map(c -> view(task, run.runId(), c)).orElseGet(() -> notRun(task, run.runId())));
      }
      rows.add(new Row(task, cells, Sparkline.points(durations), Sparkline.label(durations)));
    }
    List<JobsPage.Param> params =
        job.spec().parameters().stream()
            .map(p -> new JobsPage.Param(p.name(), p.defaultValue()))
            .toList();
    return new Model(
        job.jobId(),
        job.name(),
        job.spec().trigger().map(TriggerText::what),
        columns,
        rows,
        params);
  }

  private static CellView view(String task, long runId, RunGrid.Cell c) {
    StringBuilder title =
        new StringBuilder(task)
            .append(" in run ")
            .append(runId)
            .append(": ")
            .append(c.state().label());
    if (c.durationMs() > 0) {
      title.append(", ").append(RunText.duration(c.durationMs()));
    }
    if (c.attempts() > 1) {
      title.append(", ").append(c.attempts()).append(" attempts");
    }
    return new CellView(runId, c.state(), title.toString(), true);
  }

  private static CellView notRun(String task, long runId) {
    return new CellView(runId, StateMark.none(), task + " was not in run " + runId, false);
  }
}
