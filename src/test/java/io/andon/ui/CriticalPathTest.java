package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
  private static CriticalPath.Timed t(String key, long start, long end, String... deps) {
    return new CriticalPath.Timed(key, Optional.of(start), Optional.of(end), List.of(deps));
  }

  @Test
  void thePathFollowsTheDependencyEachTaskWaitedForLongest() {
    Map<String, CriticalPath.Timed> tasks =
        Map.of(
            "a", t("a", 0, 100),
            "b", t("b", 100, 700, "a"),
            "c", t("c", 100, 200, "a"),
            "d", t("d", 700, 1000, "b", "c"));
    List<CriticalPath.Step> path = CriticalPath.of(tasks, 1000);
    assertThat(path).extracting(CriticalPath.Step::key).containsExactly("a", "b", "d");
    assertThat(path).extracting(CriticalPath.Step::share).containsExactly(0.1, 0.6, 0.3);
  }

  @Test
  void tasksThatNeverRanAreNotOnThePath() {
    Map<String, CriticalPath.Timed> tasks =
        Map.of(
            "a",
            t("a", 0, 100),
            "b",
            new CriticalPath.Timed("b", Optional.empty(), Optional.empty(), List.of("a")));
    assertThat(CriticalPath.of(tasks, 100)).extracting(CriticalPath.Step::key).containsExactly("a");
    assertThat(CriticalPath.of(Map.of(), 0)).isEmpty();
  }
}
