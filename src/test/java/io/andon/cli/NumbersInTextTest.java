package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers people read are rounded sensibly and never cut; JSON keeps them whole. */
class NumbersInTextTest {
  @TempDir Path tmp;

  @Test
  void gateReasonsShowFourSignificantDigitsUnlessThatWouldHideTheFailure() throws Exception {
    Path gates =
        Files.writeString(
            tmp.resolve("gates.yml"),
            """
        gates:
          - name: g
            checks:
              - {name: roc_auc, metric: roc_auc, comparator: ">=", threshold: 0.9}
              - {name: accuracy, metric: accuracy, comparator: ">=", threshold: 0.95}
        """);
    String home = tmp.resolve("home").toString();
    Cli text =
        Cli.run(
            "gate",
            gates.toString(),
            "--home",
            home,
            "--metric",
            "roc_auc=0.7085409840767333",
            "--metric",
            "accuracy=0.9499999");
    assertThat(text.exit).isEqualTo(1);
    assertThat(text.out)
        .containsPattern("roc_auc +0.7085 is not >= 0.9")
        .contains("0.9499999 is not >= 0.95")
        .doesNotContain("0.7085409840767333");
    Cli json =
        Cli.run(
            "gate",
            gates.toString(),
            "--home",
            home,
            "--format",
            "json",
            "--metric",
            "roc_auc=0.7085409840767333",
            "--metric",
            "accuracy=0.9499999");
    assertThat(json.out).contains("0.7085409840767333");
  }

  @Test
  void theRunTableRoundsValuesAndCutsOnlyBetweenThem() throws Exception {
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: wide
        tasks:
          - task_key: t
            shell_task:
              command: |
                for k in alpha beta gamma delta epsilon zeta eta theta iota kappa; do
                  echo "$k=0.9919608603671952" >> "$ANDON_TASK_VALUES"
                done
        """);
    String home = tmp.resolve("home").toString();
    Cli run = Cli.run("run", "--home", home, job.toString());
    assertThat(run.exit).as(run.toString()).isZero();
    String row = run.out.lines().filter(l -> l.startsWith("  t ")).findFirst().orElseThrow();
    assertThat(row).contains("\"alpha\":0.992,").doesNotContain("0.99196").endsWith(",...");
    JsonNode r = Json.read(Cli.run("runs", "show", "1", "--json", "--home", home).out);
    assertThat(r.at("/tasks/0/values/kappa").asDouble()).isEqualTo(0.9919608603671952);
  }
}
