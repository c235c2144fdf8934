package io.andon.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.engine.Executor;
import io.andon.engine.RunRequest;
import io.andon.error.InvalidInputException;
import io.andon.error.Notice;
import io.andon.schedule.CronSchedule;
import io.andon.schedule.PauseStatus;
import io.andon.schedule.PeriodicTrigger;
import io.andon.schedule.PeriodicUnit;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bundles in the layouts of the {@code databricks bundle init} templates (default-python,
 * default-sql, lakeflow-pipelines) and Jobs API documents: the valid ones load with the notices
 * their "# notice:" and "# warning:" lines name and run here; the invalid ones fail with the
 * problems their "# expect:" lines name.
 */
class BundleFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/bundles");
  static final Map<String, String> ENV = Map.of("USER", "someone@example.com");

  @TempDir Path tmp;

  static Stream<Path> valid() throws IOException {
    return bundles("valid");
  }

  static Stream<Path> invalid() throws IOException {
    return bundles("invalid");
  }

  private static Stream<Path> bundles(String dir) throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES.resolve(dir))) {
      return s
          .map(d -> d.resolve("databricks.yml"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList()
          .stream();
    }
  }

  static List<String> lines(Path file, String prefix) throws IOException {
    return Files.readAllLines(file).stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()))
        .toList();
  }

  JobLoader loader() {
    return new JobLoader()
        .environment(ENV)
        .workspace(new WorkspaceSettings(tmp.resolve("home"), Map.of()));
  }

  JobSpec load(Path file) throws IOException {
    Optional<String> target = lines(file, "# target: ").stream().findFirst();
    return loader().load(file, Optional.empty(), new BundleSettings(target, Map.of()));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void aTemplateBundleLoadsWithANoticeForEachKindOfKeyItDoesNotActOn(Path file) throws IOException {
    JobSpec job = load(file);
    for (String n : lines(file, "# notice: ")) {
      assertThat(job.notices())
          .as(file + " notices")
          .anyMatch(x -> x.severity() == Notice.Severity.NOTICE && x.message().startsWith(n));
    }
    for (String w : lines(file, "# warning: ")) {
      assertThat(job.notices())
          .as(file + " warnings")
          .anyMatch(x -> x.severity() == Notice.Severity.WARNING && x.message().startsWith(w));
    }
    // one notice per file and kind: no message twice
    assertThat(job.notices()).extracting(Notice::message).doesNotHaveDuplicates();
  }

  /** The template bundles: the notebooks-* ones run in io.andon.python, with their secrets. */
  static Stream<Path> templates() throws IOException {
    return valid().filter(f -> !f.getParent().getFileName().toString().startsWith("notebooks-"));
  }

  @ParameterizedTest
  @MethodSource("templates")
  void aTemplateBundleRunsHereWithItsLocalStandIns(Path file) throws IOException {
    JobSpec job = load(file);
    try (Store store = Store.open(tmp.resolve("home"))) {
      Executor.Outcome o =
          new Executor(store, Executor.Options.defaults().withMaxParallel(2), List.of())
              .run(RunRequest.of(job));
      assertThat(new RunStore(store).find(o.runId()).orElseThrow().tasks())
          .extracting(t -> t.taskKey() + " " + t.resultState().orElse(t.state()))
          .allMatch(s -> s.endsWith(" SUCCESS"));
    }
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void anInvalidBundleFailsWithTheNamedProblems(Path file) throws IOException {
    List<String> expected = lines(file, "# expect: ");
    assertThat(expected).isNotEmpty();
    assertThatThrownBy(() -> load(file))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              for (String x : expected) {
                assertThat(e.getMessage()).contains(x);
              }
            });
  }

  @Test
  void aJobsApiDocumentRunsAsDatabricksJobsGetPrintsItAndAsACreateRequest() throws IOException {
    Path api = FIXTURES.resolve("valid/jobs-api");
    JobSpec got = loader().load(api.resolve("job-get.json"), Optional.empty());
    assertThat(got.name()).isEqualTo("nightly");
    assertThat(got.tasks()).extracting(TaskSpec::taskKey).containsExactly("ingest", "train");
    assertThat(got.queueEnabled()).isTrue();
    assertThat(got.trigger())
        .contains(new PeriodicTrigger(4, PeriodicUnit.HOURS, PauseStatus.PAUSED));
    assertThat(got.notices())
        .extracting(Notice::message)
        .contains(
            IgnoredKeys.API
                + ": job_id, creator_user_name, run_as_user_name, run_as_owner,"
                + " created_time.",
            IgnoredKeys.WORKSPACE + ": format.",
            IgnoredKeys.COMPUTE + ": existing_cluster_id.");
    JobSpec created = loader().load(api.resolve("create-request.json"), Optional.empty());
    assertThat(created.notices())
        .extracting(Notice::message)
        .contains(
            IgnoredKeys.ACCESS + ": access_control_list.",
            IgnoredKeys.COMPUTE + ": job_clusters, job_cluster_key.");
    // the schedule of a create request is read, not noticed as ignored
    assertThat(created.notices())
        .extracting(Notice::message)
        .noneMatch(m -> m.contains("schedule"));
    assertThat(created.trigger())
        .hasValueSatisfying(
            t -> {
              assertThat(t).isInstanceOf(CronSchedule.class);
              assertThat(((CronSchedule) t).cron().text()).isEqualTo("0 0 5 * * ?");
              assertThat(((CronSchedule) t).cron().zone()).isEqualTo(ZoneId.of("UTC"));
            });
    assertThat(loader().load(api.resolve("settings.json"), Optional.empty()).notices()).isEmpty();
    try (Store store = Store.open(tmp.resolve("home"))) {
      Executor.Outcome o =
          new Executor(store, Executor.Options.defaults(), List.of()).run(RunRequest.of(got));
      assertThat(new RunStore(store).find(o.runId()).orElseThrow().tasks())
          .extracting(TaskRecord::resultState)
          .containsOnly(Optional.of("SUCCESS"));
    }
  }
}
