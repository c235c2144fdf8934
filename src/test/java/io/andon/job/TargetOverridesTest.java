package io.andon.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.yaml.YNode;
import io.andon.yaml.YamlReader;
import org.junit.jupiter.api.Test;

/** A target's job settings joined with the top-level ones, as the Databricks CLI joins them. */
class TargetOverridesTest {
  static YNode yaml(String name, String text) {
    return YamlReader.parse(name, text);
  }

  @Test
  void mappingsJoinKeyByKeyAndListsOfTasksClustersAndParametersItemByItem() {
    YNode base =
        yaml(
            "top.yml",
            """
        name: nightly
        timeout_seconds: 60
        tags: {team: risk, tier: gold}
        parameters: [{name: rows, default: "10"}, {name: mode, default: fast}]
        job_clusters: [{job_cluster_key: c, new_cluster: {spark_version: "15.4", num_workers: 1}}]
        tasks:
          - task_key: a
            max_retries: 1
            shell_task: {command: echo a}
          - task_key: b
            depends_on: [{task_key: a}]
            shell_task: {command: echo b}
        """);
    YNode over =
        yaml(
            "target.yml",
            """
        timeout_seconds: 600
        tags: {tier: platinum}
        parameters: [{name: rows, default: "1000"}, {name: extra, default: x}]
        job_clusters: [{job_cluster_key: c, new_cluster: {num_workers: 8}}]
        tasks:
          - task_key: b
            depends_on: [{task_key: z}]
            shell_task: {command: echo b-prod}
          - task_key: c
            shell_task: {command: echo c}
        """);
    YNode joined = TargetOverrides.join(base, over);
    assertThat(json(joined))
        .isEqualTo(
            json(
                yaml(
                    "expected.yml",
                    """
        name: nightly
        timeout_seconds: 600
        tags: {team: risk, tier: platinum}
        parameters: [{name: rows, default: "1000"}, {name: mode, default: fast}, {name: extra, default: x}]
        job_clusters: [{job_cluster_key: c, new_cluster: {spark_version: "15.4", num_workers: 8}}]
        tasks:
          - task_key: a
            max_retries: 1
            shell_task: {command: echo a}
          - task_key: b
            depends_on: [{task_key: a}, {task_key: z}]
            shell_task: {command: echo b-prod}
          - task_key: c
            shell_task: {command: echo c}
        """)));
  }

  @Test
  void everyValueKeepsThePositionOfTheFileItCameFrom() {
    YNode joined =
        TargetOverrides.join(
            yaml("top.yml", "tasks: [{task_key: a, x: 1}]\n"),
            yaml("target.yml", "tasks: [{task_key: a, y: 2}]\n"));
    var task =
        (io.andon.yaml.YMap)
            ((io.andon.yaml.YList) ((io.andon.yaml.YMap) joined).get("tasks").orElseThrow())
                .items()
                .get(0);
    assertThat(task.get("x").orElseThrow().loc().file()).isEqualTo("top.yml");
    assertThat(task.get("y").orElseThrow().loc().file()).isEqualTo("target.yml");
  }

  /** The tree as JSON text, positions left out, to compare two trees. */
  static String json(YNode n) {
    return io.andon.yaml.YamlJson.of(n).toString();
  }
}
