package io.andon.tdg.rust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.andon.tdg.Tdg;
import io.andon.tdg.TdgConfig;
import io.andon.tdg.TdgReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quality-gate demo crate with its LCOV report, graded end to end. */
class RustDemoGradingTest {
  static final Path DEMO = Path.of("src/test/resources/tdg/rust-demo");

  @Test
  void theDemoCrateIsGradedWithItsLcovCoverage() {
    TdgReport r =
        Tdg.run(
            new Tdg.Request(
                DEMO,
                TdgConfig.load(DEMO, Optional.empty()),
                List.of(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Optional.empty()));
    assertThat(r.languages()).extracting(TdgReport.LanguageResult::name).containsExactly("rust");
    TdgReport.FileResult lib = r.files().get(0);
    assertThat(lib.path()).isEqualTo("src/lib.rs");
    assertThat(lib.methods())
        .extracting(m -> m.name() + " " + m.cyclomatic() + "/" + m.cognitive())
        .containsExactlyInAnyOrder("failed 3/3", "Check::passes 4/1");
    assertThat(lib.undocumented()).containsExactly("failed");
    // lcov.info at the root: 12 of 13 lines
    assertThat(r.component("coverage").orElseThrow().score().getAsDouble())
        .isCloseTo(100.0 * 12 / 13, within(0.05));
    // (25 x 100 + 35 x 92.3 + 15 x (0.7 x 4/5 + 0.3) x 100) / 75
    assertThat(r.score()).isEqualTo(93.6);
  }
}
