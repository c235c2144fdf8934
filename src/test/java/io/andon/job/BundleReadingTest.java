package io.andon.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.error.Notice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Databricks CLI reads in a bundle and andon reads the same way, or notices. */
class BundleReadingTest {
  @TempDir Path tmp;

  Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  static String command(JobSpec job, int i) {
    return ((ShellTask) job.tasks().get(i).payload()).command();
  }

  static JobLoader loader(Path home, Map<String, String> env, Map<String, String> workspace) {
    return new JobLoader().environment(env).workspace(new WorkspaceSettings(home, workspace));
  }

  static String bundle(String command) {
    return "bundle: {name: b}\nresources:\n  jobs:\n    j:\n      name: j\n      tasks:\n"
        + "        - task_key: a\n          shell_task: {command: \""
        + command
        + "\"}\n";
  }

  static void git(Path dir, String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                "git",
                "-C",
                dir.toString(),
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
  }

  @Test
  void gitFactsComeFromTheBundlesRepositoryAndAreEmptyWithANoticeOutsideOne() throws Exception {
    Path repo = tmp.resolve("repo");
    Path f =
        write(
            "repo/bundles/one/databricks.yml",
            bundle(
                "echo ${bundle.git.origin_url} ${bundle.git.branch} ${bundle.git.commit}"
                    + " ${bundle.git.bundle_root_path}"));
    git(repo, "init", "-q", "-b", "feature-x");
    git(repo, "remote", "add", "origin", "https://github.com/acme/ml.git");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "first");
    Process rev = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "HEAD").start();
    String commit = new String(rev.getInputStream().readAllBytes()).strip();
    JobSpec job = loader(tmp, Map.of(), Map.of()).load(f, Optional.empty());
    assertThat(command(job, 0))
        .isEqualTo("echo https://github.com/acme/ml.git feature-x " + commit + " bundles/one");
    assertThat(job.notices()).isEmpty();

    Path outside = write("plain/databricks.yml", bundle("echo [${bundle.git.branch}]"));
    JobSpec plain = loader(tmp, Map.of(), Map.of()).load(outside, Optional.empty());
    assertThat(command(plain, 0)).isEqualTo("echo []");
    assertThat(plain.notices())
        .extracting(Notice::message)
        .anyMatch(m -> m.startsWith("${bundle.git.*} are empty: ") && m.contains("plain"));
    // values the bundle writes itself win, as in the Databricks CLI
    Files.writeString(
        f,
        Files.readString(f)
            .replace(
                "bundle: {name: b}",
                "bundle: {name: b, git: {origin_url: https://example.com/x.git, branch: main}}"));
    assertThat(command(loader(tmp, Map.of(), Map.of()).load(f, Optional.empty()), 0))
        .isEqualTo("echo https://example.com/x.git main " + commit + " bundles/one");
  }

  @Test
  void workspaceValuesAreLocalAndTheOptionsWinOverThem() throws IOException {
    Path f =
        write(
            "b/databricks.yml",
            bundle(
                "${workspace.current_user.userName}"
                    + " ${workspace.current_user.short_name} ${workspace.root_path} ${workspace.file_path}"
                    + " ${workspace.artifact_path}"));
    Path home = tmp.resolve("home");
    JobSpec job =
        loader(home, Map.of("USER", "Ann.Lee@example.com"), Map.of()).load(f, Optional.empty());
    // a user name that is no address gets one, as Databricks user names are addresses
    assertThat(command(loader(home, Map.of("USER", "ann"), Map.of()).load(f, Optional.empty()), 0))
        .startsWith("ann@localhost ann ");
    Path root = home.toAbsolutePath().resolve("bundles/b/default");
    assertThat(command(job, 0))
        .isEqualTo(
            "Ann.Lee@example.com ann_lee "
                + root
                + " "
                + f.getParent().toAbsolutePath()
                + " "
                + root
                + "/artifacts");
    JobSpec given =
        loader(
                home,
                Map.of("USER", "x"),
                Map.of("current_user.userName", "bo@example.com", "root_path", "/tmp/ws"))
            .load(f, Optional.empty());
    assertThat(command(given, 0))
        .isEqualTo(
            "bo@example.com bo /tmp/ws " + f.getParent().toAbsolutePath() + " /tmp/ws/artifacts");
    Files.writeString(f, bundle("${workspace.host}"));
    assertThatThrownBy(() -> loader(home, Map.of(), Map.of()).load(f, Optional.empty()))
        .hasMessageContaining(
            "${workspace.host} names a value only a Databricks workspace has;"
                + " give it with --workspace host=VALUE.");
    assertThat(
            command(
                loader(home, Map.of(), Map.of("host", "https://h")).load(f, Optional.empty()), 0))
        .isEqualTo("https://h");
  }

  @Test
  void complexVariablesAreSubstitutedWholeAndByFieldWithTheTargetsValueWinning()
      throws IOException {
    Path f =
        write(
            "c/databricks.yml",
            """
        bundle: {name: c}
        variables:
          cluster:
            type: complex
            default: {spark_version: "15.4", num_workers: 2}
          steps:
            default: [one, two]
        targets:
          big:
            variables:
              cluster: {spark_version: "16.1", num_workers: 8}
        resources:
          jobs:
            j:
              name: j
              job_clusters: [{job_cluster_key: c, new_cluster: "${var.cluster}"}]
              tasks:
                - task_key: a
                  for_each_task:
                    inputs: ${var.steps}
                    task:
                      task_key: a_one
                      shell_task:
                        command: "echo {{input}} ${var.cluster.num_workers} ${var.steps[1]}"
        """);
    JobSpec job = loader(tmp, Map.of(), Map.of()).load(f, Optional.empty());
    ForEachTask fe = (ForEachTask) job.tasks().get(0).payload();
    assertThat(fe.inputs()).isEqualTo("[\"one\",\"two\"]");
    assertThat(((ShellTask) fe.task().payload()).command()).isEqualTo("echo {{input}} 2 two");
    JobSpec big =
        loader(tmp, Map.of(), Map.of())
            .load(f, Optional.empty(), new BundleSettings(Optional.of("big"), Map.of()));
    assertThat(
            ((ShellTask) ((ForEachTask) big.tasks().get(0).payload()).task().payload()).command())
        .isEqualTo("echo {{input}} 8 two");
  }

  @Test
  void aBundleWithAnEmptyTargetsMappingHasTheDefaultTarget() throws IOException {
    Path f = write("e/databricks.yml", "targets:\n" + bundle("echo ${bundle.target}"));
    assertThat(command(loader(tmp, Map.of(), Map.of()).load(f, Optional.empty()), 0))
        .isEqualTo("echo default");
    Path g = write("g/databricks.yml", "targets: {}\n" + bundle("echo ${bundle.target}"));
    assertThat(command(loader(tmp, Map.of(), Map.of()).load(g, Optional.empty()), 0))
        .isEqualTo("echo default");
  }

  @Test
  void anUnknownKeyIsAWarningInABundleAndAProblemInAnAndonJobFile() throws IOException {
    Path f =
        write(
            "w/databricks.yml",
            bundle("echo")
                    .replace("      name: j\n", "      name: j\n      max_concurent_runs: 5\n")
                + "sink: {}\n");
    JobSpec job = loader(tmp, Map.of(), Map.of()).load(f, Optional.empty());
    assertThat(job.notices())
        .filteredOn(n -> n.severity() == Notice.Severity.WARNING)
        .extracting(Notice::message)
        .containsExactlyInAnyOrder(
            "unknown key 'max_concurent_runs' in the job; andon ignores it, as the Databricks CLI"
                + " does. Did you mean 'max_concurrent_runs'?",
            "unknown key 'sink' in the bundle; andon ignores it, as the Databricks CLI does."
                + " Did you mean 'sync'?");
    Path bare =
        write(
            "w/job.yml",
            "name: j\nmax_concurent_runs: 5\ntasks:\n"
                + "  - {task_key: a, shell_task: {command: echo}}\n");
    assertThatThrownBy(() -> loader(tmp, Map.of(), Map.of()).load(bare, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "unknown key 'max_concurent_runs' in the job. Did you mean"
                + " 'max_concurrent_runs'?");
  }
}
