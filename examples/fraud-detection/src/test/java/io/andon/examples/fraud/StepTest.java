package io.andon.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String step, Set<String> known, Step.Body body, String... args) {
    return Step.run(
        step,
        args,
        known,
        body,
        new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadNumberExitsTwoSayingWhichOptionOnce() {
    int code =
        run(
            "train",
            Set.of("work", "degrade"),
            a -> Map.of("d", a.number("degrade", "0")),
            "--work",
            "w",
            "--degrade",
            "half");
    assertThat(code).isEqualTo(2);
    assertThat(err()).isEqualTo("train: --degrade must be a number, not 'half'.\n");
  }

  @Test
  void anUnknownOptionListsTheKnownOnesAndSuggestsOne() {
    int code = run("train", Set.of("work", "degrade", "seed"), a -> Map.of(), "--wrk", "x");
    assertThat(code).isEqualTo(2);
    assertThat(err())
        .contains("unknown option --wrk; known: [degrade, seed, work]. Did you" + " mean 'work'?");
  }

  @Test
  void optionsTakeSpaceOrEqualsAndAMissingValueIsAnError() {
    assertThat(
            Step.parse("s", new String[] {"--rows=5", "--seed", "7"}, Set.of("rows", "seed"))
                .values())
        .isEqualTo(Map.of("rows", "5", "seed", "7"));
    assertThat(run("s", Set.of("rows"), a -> Map.of(), "--rows")).isEqualTo(2);
    assertThat(err()).contains("s: --rows needs a value.");
  }

  @Test
  void aFailureThatIsNotBadInputExitsOne() {
    int code =
        run(
            "s",
            Set.of(),
            a -> {
              throw new IllegalStateException("boom");
            });
    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("s: failed: java.lang.IllegalStateException: boom");
  }

  @Test
  void wholeNumbersBelowTheMinimumAreRefused() {
    assertThat(
            run(
                "ingest",
                Set.of("rows"),
                a -> Map.of("r", a.integer("rows", "50000", 100)),
                "--rows",
                "5"))
        .isEqualTo(2);
    assertThat(err()).contains("ingest: --rows must be at least 100, not 5.");
  }
}
