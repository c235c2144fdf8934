package io.andon.engine;

import static io.andon.engine.RunIfRules.DepView.CANCELED;
import static io.andon.engine.RunIfRules.DepView.FAILED;
import static io.andon.engine.RunIfRules.DepView.SKIPPED;
import static io.andon.engine.RunIfRules.DepView.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.andon.engine.RunIfRules.Decision;
import io.andon.engine.RunIfRules.DepView;
import io.andon.job.ResultState;
import io.andon.job.RunIf;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunIfRulesTest {
  private static List<DepView> deps(String spec) {
    if (spec.isBlank()) {
      return List.of();
    }
    return java.util.Arrays.stream(spec.split(" "))
        .map(
            s ->
                switch (s) {
                  case "S" -> SUCCEEDED;
                  case "F" -> FAILED;
                  case "X" -> SKIPPED;
                  case "C" -> CANCELED;
                  default -> throw new IllegalArgumentException(s);
                })
        .toList();
  }

  /** The run_if table of the reference, row by row (S succeeded, F failed, X excluded). */
  @ParameterizedTest(name = "{0} with [{1}] -> {2}")
  @CsvSource({
    "ALL_SUCCESS, S S, RUN",
    "ALL_SUCCESS, S F, UPSTREAM_FAILED",
    "ALL_SUCCESS, F F, UPSTREAM_FAILED",
    "ALL_SUCCESS, S X, RUN",
    "AT_LEAST_ONE_SUCCESS, S F, RUN",
    "AT_LEAST_ONE_SUCCESS, F F, UPSTREAM_FAILED",
    "AT_LEAST_ONE_SUCCESS, X F, RUN",
    "NONE_FAILED, S S, RUN",
    "NONE_FAILED, S X, RUN",
    "NONE_FAILED, S F, UPSTREAM_FAILED",
    "ALL_DONE, F F, RUN",
    "ALL_DONE, S F, RUN",
    "ALL_DONE, C F, RUN",
    "AT_LEAST_ONE_FAILED, S F, RUN",
    "AT_LEAST_ONE_FAILED, S S, EXCLUDED",
    "AT_LEAST_ONE_FAILED, S X, EXCLUDED",
    "ALL_FAILED, F F, RUN",
    "ALL_FAILED, S F, EXCLUDED",
    "ALL_FAILED, X F, EXCLUDED",
    "ALL_SUCCESS, S C, UPSTREAM_CANCELED",
    "AT_LEAST_ONE_FAILED, F C, UPSTREAM_CANCELED",
  })
  void runIfTableRow(RunIf runIf, String deps, Decision expected) {
    assertThat(RunIfRules.decide(runIf, deps(deps))).isEqualTo(expected);
  }

  @Property
  void dependenciesAllExcludedGiveExcludedWhateverRunIf(
      @ForAll RunIf runIf, @ForAll @Size(min = 1, max = 6) List<Boolean> ignored) {
    List<DepView> all = ignored.stream().map(b -> SKIPPED).toList();
    assertThat(RunIfRules.decide(runIf, all)).isEqualTo(Decision.EXCLUDED);
  }

  @Property
  void aTaskWithoutDependenciesAlwaysRuns(@ForAll RunIf runIf) {
    assertThat(RunIfRules.decide(runIf, List.of())).isEqualTo(Decision.RUN);
  }

  @ParameterizedTest
  @CsvSource({
    "FAILED, FAILED", "TIMEDOUT, FAILED", "UPSTREAM_FAILED, FAILED", "CANCELED, CANCELED",
    "UPSTREAM_CANCELED, CANCELED", "EXCLUDED, SKIPPED", "DISABLED, SKIPPED", "SUCCESS, SUCCEEDED"
  })
  void dependencyResultsAreSeenAs(ResultState result, DepView view) {
    assertThat(RunIfRules.view(result, null, null)).isEqualTo(view);
  }

  @ParameterizedTest
  @CsvSource({"true, true, SUCCEEDED", "false, true, SKIPPED", "true, false, SKIPPED"})
  void conditionOutcomeNotTakenCountsAsExcluded(String outcome, String wanted, DepView view) {
    assertThat(RunIfRules.view(ResultState.SUCCESS, outcome, wanted)).isEqualTo(view);
  }

  @ParameterizedTest(name = "tasks [{0}] leaves [{1}] -> {2}")
  @CsvSource({
    "SUCCESS SUCCESS, SUCCESS, SUCCESS",
    "SUCCESS EXCLUDED, EXCLUDED, SUCCESS",
    "FAILED SUCCESS, SUCCESS, SUCCESS_WITH_FAILURES",
    "SUCCESS FAILED, FAILED, FAILED",
    "FAILED UPSTREAM_FAILED, UPSTREAM_FAILED, FAILED",
    "SUCCESS CANCELED, CANCELED, FAILED",
  })
  void jobResultComesFromLeaves(String all, String leaves, ResultState expected) {
    assertThat(RunIfRules.jobResult(states(all), states(leaves))).isEqualTo(expected);
  }

  private static List<ResultState> states(String s) {
    return java.util.Arrays.stream(s.split(" ")).map(ResultState::valueOf).toList();
  }
}
