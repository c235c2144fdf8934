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
 * and each task's durations across those runs as a small chart. The column heads are HTML; the rows
 * travel as compact JSON ({@link GridJson}) that job.js draws into the table in one pass, so that a
 * 1,000-task job's page is a few hundred kB rather than megabytes.
 */
public final class JobPage {
  static final int RUNS = 25;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** A column's head: a run. */
  public record Column(long runId, StateMark state, String title) {}

  /** The page's model; {@code grid} is the rows as JSON, safe inside a script element. */
  public record Model(
      long jobId,
      String name,
      Optional<String> trigger,
      List<Column> columns,
      String grid,
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
    List<JobsPage.Param> params =
        job.spec().parameters().stream()
            .map(p -> new JobsPage.Param(p.name(), p.defaultValue()))
            .toList();
    return new Model(
        job.jobId(),
        job.name(),
        job.spec().trigger().map(TriggerText::what),
        columns,
        GridJson.write(grid),
        params);
  }
}
