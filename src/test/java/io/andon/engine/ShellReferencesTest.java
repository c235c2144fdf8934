package io.andon.engine;

import static io.andon.engine.JobHarness.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References in shell commands reach the shell as variables, whatever the value holds. */
class ShellReferencesTest {
  @TempDir Path tmp;
  JobHarness h;

  private static final List<String> PAYLOADS =
      List.of(
          "$(touch pwned-dollar)",
          "`touch pwned-backtick`",
          "'; touch pwned-single; echo '",
          "\"; touch pwned-double; echo \"",
          "x; touch pwned-bare",
          "*");

  @BeforeEach
  void open() {
    h = new JobHarness(tmp);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private RunRecord runWith(String payload) {
    return h.run(
        """
        name: inject
        parameters: [{name: x, default: ""}]
        tasks:
          - task_key: up
            shell_task: {command: 'printf "%s" "$ANDON_PARAM_X" > v.txt; printf "{\\"v\\": %s}" "$(python3 -c "import json,sys; print(json.dumps(open(\\"v.txt\\").read()))")" > "$ANDON_TASK_VALUES"'}
          - task_key: shell
            depends_on: [{task_key: up}]
            shell_task:
              command: |
                printf '%s\\n' "double: {{job.parameters.x}}" > out.txt
                printf '%s\\n' 'single: {{job.parameters.x}}' >> out.txt
                printf '%s\\n' bare: {{job.parameters.x}} >> out.txt
                printf '%s\\n' "upstream: {{tasks.up.values.v}}" >> out.txt
                printf '%s\\n' "subst: $(echo {{job.parameters.x}})" >> out.txt
                cat >> out.txt <<EOT
                heredoc: {{job.parameters.x}}
                EOT
                # a comment that isn't code: {{job.parameters.x}}
        """,
        Map.of("x", payload));
  }

  @Test
  void everyInjectionPayloadIsPrintedAsTextAndRunsNothing() throws Exception {
    for (String payload : PAYLOADS) {
      RunRecord r = runWith(payload);
      assertThat(result(r, "shell")).as(payload).isEqualTo("SUCCESS");
      assertThat(Files.readAllLines(tmp.resolve("out.txt")))
          .as(payload)
          .containsExactly(
              "double: " + payload,
              "single: " + payload,
              "bare:",
              payload,
              "upstream: " + payload,
              "subst: " + payload,
              "heredoc: " + payload);
      try (var names = Files.list(tmp)) {
        assertThat(names.map(p -> p.getFileName().toString()))
            .as(payload)
            .noneMatch(n -> n.startsWith("pwned"));
      }
    }
  }

  @Test
  void eachQuotingContextGetsAnExpansionThatKeepsTheValueOneWord() {
    ShellReferences s =
        ShellReferences.of(
            "a {{job.run_id}} \"b {{job.run_id}}\" 'c {{job.name}}' $(d {{job.name}}) `e {{job.id}}`");
    assertThat(s.script())
        .isEqualTo(
            "a \"${ANDON_REF_1}\" \"b ${ANDON_REF_1}\""
                + " 'c '\"${ANDON_REF_2}\"'' $(d \"${ANDON_REF_2}\") `e \"${ANDON_REF_3}\"`");
    assertThat(s.references())
        .extracting(r -> r.text())
        .containsExactly("{{job.run_id}}", "{{job.name}}", "{{job.id}}");
  }

  @Test
  void aReferenceAfterACommentOrAnEscapedOneIsStillRewritten() {
    assertThat(
            ShellReferences.of("# {{job.name}} isn't here\necho \\{{job.name}} {{job.id}}")
                .script())
        .isEqualTo("# {{job.name}} isn't here\necho \\{{job.name}} \"${ANDON_REF_1}\"");
  }

  @Test
  void aCommandWithoutReferencesIsLeftAsWritten() {
    String cmd = "echo \"$HOME\" 'it''s' $(date) # {{not.a.reference}}";
    assertThat(ShellReferences.of(cmd).script()).isEqualTo(cmd);
  }

  @Test
  void aReferenceInAQuotedHereDocumentIsRefusedWithTheWayOut() {
    assertThatThrownBy(() -> ShellReferences.of("cat <<'EOF'\n{{job.name}}\nEOF\n"))
        .hasMessageContaining("here-document whose delimiter is quoted")
        .hasMessageContaining("shell_task.env");
  }

  @Test
  void aReferenceInAQuotedHereDocumentFailsTheTaskWithThatMessage() {
    RunRecord r =
        h.run(
            """
        name: heredoc
        tasks:
          - task_key: t
            shell_task:
              command: |
                cat <<'EOF'
                {{job.name}}
                EOF
        """);
    assertThat(result(r, "t")).isEqualTo("FAILED");
    assertThat(JobHarness.task(r, "t").message().orElse("")).contains("here-document");
  }
}
