package io.andon.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anchors, aliases and merge keys, as the Databricks CLI reads them in bundle files. */
class YamlAliasesTest {
  static YMap parse(String yaml) {
    return (YMap) YamlReader.parse("b.yml", yaml);
  }

  static String text(YNode n) {
    return ((YScalar) n).text();
  }

  @Test
  void anAliasStandsForTheAnchoredValueWhereverItIsUsed() {
    YMap m =
        parse(
            """
        retries: &r 3
        shell: &cmd {command: echo hi}
        inputs: &list [a, b]
        tasks:
          - {task_key: a, max_retries: *r, shell_task: *cmd}
          - {task_key: b, for_each: *list}
        """);
    YMap a = (YMap) ((YList) m.get("tasks").get()).items().get(0);
    assertThat(text(a.get("max_retries").get())).isEqualTo("3");
    assertThat(((YScalar) a.get("max_retries").get()).type()).isEqualTo(YScalar.Type.INT);
    assertThat(text(((YMap) a.get("shell_task").get()).get("command").get())).isEqualTo("echo hi");
    YMap b = (YMap) ((YList) m.get("tasks").get()).items().get(1);
    assertThat(((YList) b.get("for_each").get()).items())
        .extracting(YamlAliasesTest::text)
        .containsExactly("a", "b");
  }

  @Test
  void aMergeKeyAddsTheAnchoredKeysThatTheMappingDoesNotSetItself() {
    YMap m =
        parse(
            """
        defaults: &defaults {max_retries: 2, timeout_seconds: 60, run_if: ALL_DONE}
        more: &more {timeout_seconds: 5, description: more}
        task:
          task_key: t
          <<: [*defaults, *more]
          max_retries: 0
        """);
    YMap t = (YMap) m.get("task").get();
    // the merged keys stand where the merge key does
    assertThat(t.keys())
        .containsExactly("task_key", "timeout_seconds", "run_if", "description", "max_retries");
    assertThat(text(t.get("max_retries").get())).isEqualTo("0");
    // of several merged mappings, the first that has a key gives it
    assertThat(text(t.get("timeout_seconds").get())).isEqualTo("60");
    assertThat(text(t.get("description").get())).isEqualTo("more");
  }

  @Test
  void aTaskListBuiltFromAnchoredTasksReadsEachTask() {
    YMap m =
        parse(
            """
        x-tasks:
          - &ingest
            task_key: ingest
            shell_task: {command: echo ingest}
        resources:
          jobs:
            j:
              tasks:
                - *ingest
                - <<: *ingest
                  task_key: train
                  depends_on: [{task_key: ingest}]
        """);
    YMap j = (YMap) ((YMap) ((YMap) m.get("resources").get()).get("jobs").get()).get("j").get();
    List<YNode> tasks = ((YList) j.get("tasks").get()).items();
    assertThat(tasks)
        .extracting(n -> text(((YMap) n).get("task_key").get()))
        .containsExactly("ingest", "train");
    assertThat(((YMap) tasks.get(1)).has("shell_task")).isTrue();
  }

  @Test
  void anAliasWithoutAnAnchorOrAMergeOfAPlainValueIsAnErrorAtItsPlace() {
    assertThatThrownBy(() -> parse("a: 1\nb: *nope\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("b.yml:2:4: alias *nope names no anchor; define &nope on a value above it.");
    assertThatThrownBy(() -> parse("a: &a 1\nb:\n  <<: *a\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a merge key (<<) takes a mapping or a list of mappings");
  }

  @Test
  void nestedAliasesThatWouldExpandToBillionsOfValuesAreRefused() {
    StringBuilder y = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      String prev = "*l" + (i - 1);
      y.append("l")
          .append(i)
          .append(": &l")
          .append(i)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, prev)))
          .append("]\n");
    }
    assertThatThrownBy(() -> parse(y.toString()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expand to more than 10000000 values");
  }

  @Test
  void keysRepeatedByHandAreStillReportedButMergedKeysAreNot() {
    assertThatThrownBy(() -> parse("base: &b {a: 1}\nm:\n  <<: *b\n  a: 2\n  a: 3\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("repeats keys")
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).hasSize(1));
  }
}
