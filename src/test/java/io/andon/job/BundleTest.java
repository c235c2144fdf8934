package io.andon.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ${var.*} and ${bundle.*} in Asset Bundle files, as the Databricks CLI substitutes them. */
class BundleTest {
  @TempDir Path tmp;

  static final String BUNDLE =
      """
      bundle:
        name: fraud
      variables:
        catalog:
          description: where the tables live
          default: ${bundle.target}_catalog
        retries:
          default: 2
        schema: features
      targets:
        dev:
          default: true
        prod:
          variables:
            catalog: main
            retries: 5
      resources:
        jobs:
          nightly:
            name: nightly-${var.catalog}
            tasks:
              - task_key: a
                max_retries: ${var.retries}
                shell_task:
                  command: echo ${var.catalog}.${var.schema} ${bundle.name} ${HOME} $HOME
      """;

  Path file(String yaml) throws IOException {
    Path f = tmp.resolve("databricks.yml");
    Files.writeString(f, yaml);
    return f;
  }

  JobSpec load(String yaml, BundleSettings settings, Map<String, String> env) throws IOException {
    return new JobLoader().environment(env).load(file(yaml), Optional.empty(), settings);
  }

  static String command(JobSpec job) {
    return ((ShellTask) job.tasks().get(0).payload()).command();
  }

  @Test
  void defaultsAndTheDefaultTargetFillTheJobAndTheShellKeepsItsOwnBraces() throws IOException {
    JobSpec job = load(BUNDLE, BundleSettings.NONE, Map.of());
    assertThat(job.name()).isEqualTo("nightly-dev_catalog");
    assertThat(command(job)).isEqualTo("echo dev_catalog.features fraud ${HOME} $HOME");
    // a whole-value reference takes the type of its value: max_retries reads an integer
    assertThat(job.tasks().get(0).maxRetries()).isEqualTo(2);
    assertThat(job.bundle().target()).contains("dev");
    assertThat(job.bundle().vars())
        .containsExactly(
            Map.entry("catalog", "dev_catalog"),
            Map.entry("retries", "2"),
            Map.entry("schema", "features"));
  }

  @Test
  void aValueComesFromVarThenTheEnvironmentThenTheTargetThenTheDefault() throws IOException {
    BundleSettings prod = new BundleSettings(Optional.of("prod"), Map.of());
    assertThat(command(load(BUNDLE, prod, Map.of()))).startsWith("echo main.features ");
    assertThat(load(BUNDLE, prod, Map.of()).tasks().get(0).maxRetries()).isEqualTo(5);
    Map<String, String> env = Map.of("BUNDLE_VAR_catalog", "from_env");
    assertThat(command(load(BUNDLE, prod, env))).startsWith("echo from_env.features ");
    BundleSettings given = new BundleSettings(Optional.of("prod"), Map.of("catalog", "given"));
    assertThat(command(load(BUNDLE, given, env))).startsWith("echo given.features ");
    assertThat(load(BUNDLE, given, env).bundle().vars()).containsEntry("catalog", "given");
  }

  @Test
  void theStoredSettingsReadTheBundleAgainAsTheRunDidWhateverTheEnvironmentSaysNow()
      throws IOException {
    JobSpec first = load(BUNDLE, BundleSettings.NONE, Map.of("BUNDLE_VAR_schema", "s1"));
    BundleSettings stored = BundleSettings.fromJson(Optional.of(first.bundle().toJson()));
    assertThat(stored).isEqualTo(first.bundle());
    JobSpec again =
        new JobLoader()
            .environment(Map.of("BUNDLE_VAR_schema", "s2"))
            .loadSource(first.file(), first.jobKey(), first.source(), stored);
    assertThat(command(again)).isEqualTo(command(first)).contains(".s1 ");
    assertThat(BundleSettings.fromJson(Optional.empty())).isEqualTo(BundleSettings.NONE);
    assertThat(BundleSettings.NONE.toJson()).isNull();
  }

  @Test
  void whatOnlyAWorkspaceKnowsIsReportedWhereItStandsNeverLeftInPlace() throws IOException {
    String yaml =
        """
        bundle: {name: b}
        targets: {dev: {}, prod: {}}
        variables:
          warehouse: {lookup: {warehouse: Shared}}
          cluster: {type: complex, default: {spark_version: "15.4"}}
          a: {default: "${var.b}"}
          b: {default: "${var.a}"}
        resources:
          jobs:
            j:
              name: j
              tasks:
                - task_key: t
                  shell_task:
                    command: >-
                      echo ${var.nope} ${workspace.host} ${var.warehouse}
                      ${var.cluster} ${bundle.target} ${bundle.git.nope} ${var.a}
        """;
    assertThatThrownBy(() -> load(yaml, BundleSettings.NONE, Map.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::message)
                    .anyMatch(
                        m -> m.startsWith("${var.nope}: the bundle declares no variable 'nope'"))
                    .anyMatch(
                        m ->
                            m.startsWith(
                                "${workspace.host} names a value only a Databricks"
                                    + " workspace has; give it with --workspace host=VALUE."))
                    .anyMatch(
                        m ->
                            m.startsWith(
                                "${var.warehouse}: variable 'warehouse' has no value here"
                                    + " (its lookup needs a Databricks workspace); give it one with --var"
                                    + " warehouse=VALUE or BUNDLE_VAR_warehouse"))
                    .anyMatch(m -> m.startsWith("${var.cluster}: 'cluster' is a complex variable"))
                    .anyMatch(
                        m ->
                            m.startsWith(
                                "${bundle.target}: no target is chosen; pick one with"
                                    + " --target NAME"))
                    .anyMatch(
                        m ->
                            m.startsWith(
                                "${bundle.git.nope} is not known when andon runs a" + " bundle"))
                    .anyMatch(
                        m -> m.equals("variables refer to each other in a cycle: a -> b -> a.")));
    // the lookup is fine once a value is given
    String lookupOnly =
        yaml.replaceAll(
            "(?s)command: >-.*",
            java.util.regex.Matcher.quoteReplacement("command: echo ${var.warehouse}"));
    JobSpec job =
        load(lookupOnly, new BundleSettings(Optional.empty(), Map.of("warehouse", "w1")), Map.of());
    assertThat(command(job)).isEqualTo("echo w1");
  }

  @Test
  void aTargetOrVariableTheBundleLacksIsAnErrorWithASuggestion() throws IOException {
    assertThatThrownBy(
            () ->
                load(
                    BUNDLE,
                    new BundleSettings(Optional.of("prd"), Map.of("catalg", "x")),
                    Map.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::message)
                    .containsExactlyInAnyOrder(
                        "--target prd: the bundle has no such target; it has: dev, prod. Did you mean"
                            + " 'prod'?",
                        "--var catalg: the bundle declares no variable 'catalg'; it declares: catalog,"
                            + " retries, schema. Did you mean 'catalog'?"));
    String twoDefaults = BUNDLE.replace("  prod:\n", "  prod:\n    default: true\n");
    assertThatThrownBy(() -> load(twoDefaults, BundleSettings.NONE, Map.of()))
        .hasMessageContaining("targets dev, prod are all marked default: true");
  }

  @Test
  void aBareJobRefusesBundleSettingsAndKeepsItsText() throws IOException {
    String bare =
        """
        name: bare
        tasks: [{task_key: a, shell_task: {command: 'echo ${var.x}'}}]
        """;
    assertThat(command(load(bare, BundleSettings.NONE, Map.of()))).isEqualTo("echo ${var.x}");
    assertThatThrownBy(() -> load(bare, new BundleSettings(Optional.of("dev"), Map.of()), Map.of()))
        .hasMessageContaining("holds a single job, not a bundle; --target and --var");
  }

  @Test
  void aChildBundleTakesTheTargetAndTheVariablesItDeclares() throws IOException {
    Files.writeString(
        tmp.resolve("child.yml"),
        """
        bundle: {name: child}
        variables: {catalog: {default: none}}
        targets: {dev: {default: true}, prod: {variables: {catalog: child_prod}}}
        resources:
          jobs:
            c:
              name: child-${var.catalog}-${bundle.target}
              tasks: [{task_key: x, shell_task: {command: 'true'}}]
        """);
    String parent =
        BUNDLE.replace(
            """
                    command: echo ${var.catalog}.${var.schema} ${bundle.name} ${HOME} $HOME
        """,
            """
                    command: 'true'
                - task_key: child
                  run_job_task: {job_file: child.yml}
        """);
    JobSpec prod = load(parent, new BundleSettings(Optional.of("prod"), Map.of()), Map.of());
    assertThat(((RunJobTask) prod.tasks().get(1).payload()).job().name())
        .isEqualTo("child-child_prod-prod");
    JobSpec given =
        load(
            parent,
            new BundleSettings(Optional.of("prod"), Map.of("catalog", "c1", "schema", "s1")),
            Map.of());
    assertThat(((RunJobTask) given.tasks().get(1).payload()).job().name())
        .isEqualTo("child-c1-prod");
    assertThat(List.of(given.name())).containsExactly("nightly-c1");
  }

  /** The layout `databricks bundle init` makes: the job in resources/, included by pattern. */
  @Test
  void jobsOfIncludedFilesRunWithTheMainFilesVariablesAndTheirOwnFolder() throws IOException {
    Files.createDirectories(tmp.resolve("resources/more"));
    Files.writeString(
        tmp.resolve("resources/nightly.job.yml"),
        """
        resources:
          jobs:
            nightly:
              name: nightly
              tasks:
                - task_key: a
                  shell_task: {command: 'echo ${var.catalog}', working_dir: ../src}
        """);
    Files.writeString(
        tmp.resolve("resources/more/deep.job.yml"),
        """
        resources: {jobs: {deep: {name: deep, tasks: [{task_key: b, shell_task: {command: x}}]}}}
        """);
    Files.writeString(tmp.resolve("resources/notes.txt"), "not yaml: [");
    Path main =
        file(
            """
        bundle: {name: b}
        include: [resources/*.yml]
        variables: {catalog: {default: "${bundle.target}_catalog"}}
        targets: {dev: {default: true}}
        """);
    JobSpec job = new JobLoader().load(main, Optional.empty());
    assertThat(job.jobKey()).contains("nightly");
    assertThat(command(job)).isEqualTo("echo dev_catalog");
    assertThat(job.dir()).isEqualTo(tmp.resolve("resources").toAbsolutePath().normalize());
    assertThat(job.file()).isEqualTo(main);
    assertThat(job.bundle().includes().orElseThrow())
        .containsOnlyKeys(tmp.resolve("resources/nightly.job.yml").toAbsolutePath().toString());
    // ** reaches the folders below; the job is then picked by key
    Files.writeString(main, Files.readString(main).replace("resources/*.yml", "resources/**.yml"));
    assertThatThrownBy(() -> new JobLoader().load(main, Optional.empty()))
        .hasMessageContaining("holds several jobs (deep, nightly)");
    assertThat(new JobLoader().load(main, Optional.of("deep")).dir())
        .isEqualTo(tmp.resolve("resources/more").toAbsolutePath().normalize());
  }

  @Test
  void includedFilesAreCheckedWithTheirOwnPositions() throws IOException {
    Files.createDirectories(tmp.resolve("resources"));
    Files.writeString(
        tmp.resolve("resources/a.yml"),
        """
        include: [other.yml]
        variables: {catalog: {default: x}}
        resources:
          jobs:
            j:
              name: j
              tasks: [{task_key: a, shell_task: {comand: 'true'}}]
        """);
    Path main =
        file(
            """
        bundle: {name: b}
        include: [resources/a.yml]
        variables: {catalog: {default: y}}
        resources:
          jobs:
            j: {name: j, tasks: [{task_key: a, shell_task: {command: 'true'}}]}
        """);
    String a = tmp.resolve("resources/a.yml").toString();
    assertThatThrownBy(() -> new JobLoader().load(main, Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(x -> x.file() + ":" + x.line() + ": " + x.message())
                    .containsExactlyInAnyOrder(
                        a
                            + ":1: include is read only in the bundle's main file; list this pattern"
                            + " there.",
                        a
                            + ":2: variable 'catalog' is declared twice (first at "
                            + main
                            + ":3:13); a bundle declares each variable once.",
                        a
                            + ":5: job 'j' is declared twice (first at "
                            + main
                            + ":6:5); a bundle"
                            + " declares each job once."));
    Files.writeString(main, Files.readString(main).replace("resources/a.yml", "resources/b.yml"));
    assertThatThrownBy(() -> new JobLoader().load(main, Optional.empty()))
        .hasMessageContaining("include names resources/b.yml, which is not a file in");
    // a malformed include is why no job is found: said first
    Path noJobs = tmp.resolve("nojobs.yml");
    Files.writeString(noJobs, "bundle: {name: b}\ninclude: resources/*.yml\n");
    assertThatThrownBy(() -> new JobLoader().load(noJobs, Optional.empty()))
        .hasMessageContaining("is not a valid bundle (1 problem)")
        .hasMessageContaining("nojobs.yml:2:10: 'include' must be a list, not a string.");
    Files.writeString(main, Files.readString(main).replace("resources/b.yml", "/tmp/*.yml"));
    assertThatThrownBy(() -> new JobLoader().load(main, Optional.empty()))
        .hasMessageContaining("include pattern '/tmp/*.yml' is an absolute path");
  }

  /** job_id: ${resources.jobs.<key>.id} runs another job of the same bundle, as deployed. */
  @Test
  void aRunJobTaskRunsAnotherJobOfTheSameBundleByItsReference() throws IOException {
    String yaml =
        """
        bundle: {name: chain}
        variables: {who: {default: world}}
        resources:
          jobs:
            prepare:
              name: prepare-${var.who}
              tasks: [{task_key: p, shell_task: {command: 'true'}}]
            main:
              name: main
              tasks: [{task_key: first, run_job_task: {job_id: "${resources.jobs.prepare.id}"}}]
            loop:
              name: loop
              tasks: [{task_key: l, run_job_task: {job_id: "${resources.jobs.loop.id}"}}]
            typo:
              name: typo
              tasks: [{task_key: t, run_job_task: {job_id: "${resources.jobs.prepar.id}"}}]
        """;
    Path f = file(yaml);
    JobSpec main =
        new JobLoader()
            .load(
                f, Optional.of("main"), new BundleSettings(Optional.empty(), Map.of("who", "you")));
    RunJobTask first = (RunJobTask) main.tasks().get(0).payload();
    assertThat(first.job().name()).isEqualTo("prepare-you");
    assertThat(first.job().jobKey()).contains("prepare");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.of("loop")))
        .hasMessageContaining(
            "run_job_task makes a cycle of jobs: databricks.yml (loop) ->"
                + " databricks.yml (loop).");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.of("typo")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .extracting(Problem::message)
                    .asString()
                    .contains("has no job 'prepar' under resources.jobs")
                    .endsWith("Did you mean" + " 'prepare'?"));
  }

  /** A target's resources join the job it names, and may declare a job of their own. */
  @Test
  void theChosenTargetsJobSettingsJoinTheJob() throws IOException {
    Path f =
        file(
            """
        bundle: {name: over}
        resources:
          jobs:
            j:
              name: j
              tasks:
                - {task_key: a, shell_task: {command: echo a}}
                - {task_key: b, depends_on: [{task_key: a}], shell_task: {command: echo b}}
        targets:
          dev: {default: true}
          prod:
            resources:
              jobs:
                j:
                  tasks:
                    - {task_key: b, shell_task: {command: "echo ${bundle.target}"}}
                    - {task_key: c, depends_on: [{task_key: nope}], shell_task: {command: c}}
                extra: {name: extra, tasks: [{task_key: x, shell_task: {command: x}}]}
        """);
    JobSpec dev = new JobLoader().load(f, Optional.of("j"));
    assertThat(dev.tasks()).extracting(TaskSpec::taskKey).containsExactly("a", "b");
    BundleSettings prod = new BundleSettings(Optional.of("prod"), Map.of());
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.of("j"), prod))
        .hasMessageContaining("databricks.yml:17:15: task 'c' depends on 'nope'");
    Files.writeString(f, Files.readString(f).replace("task_key: nope", "task_key: b"));
    JobSpec j = new JobLoader().load(f, Optional.of("j"), prod);
    assertThat(j.tasks()).extracting(TaskSpec::taskKey).containsExactly("a", "b", "c");
    assertThat(((ShellTask) j.task("b").orElseThrow().payload()).command()).isEqualTo("echo prod");
    assertThat(j.task("b").orElseThrow().dependsOn())
        .extracting(Dependency::taskKey)
        .containsExactly("a");
    assertThat(new JobLoader().load(f, Optional.of("extra"), prod).name()).isEqualTo("extra");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.of("extra")))
        .hasMessageContaining("has no job 'extra' under resources.jobs; it has: j.");
  }
}
