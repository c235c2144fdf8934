package io.andon.tdg;

import io.andon.tdg.docs.ReadmeScore;
import io.andon.tdg.security.SecurityScan;
import io.andon.tdg.source.SourceFile;
import java.util.List;

/**
 * One component of the grade (complexity, coverage, documentation, security). A new component is a
 * class implementing this, listed in {@link Components#STANDARD}, with its weight in {@link
 * TdgConfig}.
 */
interface ComponentScorer {
  /** The component's name, as in the report and the weights of andon-tdg.yaml. */
  String name();

  /** Scores the component, or says why it is not measured. */
  Scored score(Inputs in);

  /**
   * What every component is scored from.
   *
   * @param config the grading configuration
   * @param parsed the sources that parse
   * @param languages each language's share and component scores
   * @param coverage the coverage reports, matched to the sources
   * @param readme the README's score
   * @param security the dependency scan
   */
  record Inputs(
      TdgConfig config,
      List<SourceFile> parsed,
      List<TdgReport.LanguageResult> languages,
      CoverageMatch coverage,
      ReadmeScore.Result readme,
      SecurityScan.Result security) {
    public Inputs {
      parsed = List.copyOf(parsed);
      languages = List.copyOf(languages);
    }
  }

  /**
   * A component's result.
   *
   * @param component the component, its weights not yet set
   * @param notMeasuredParts parts of a measured component that were not measured
   *     ("coverage.branch")
   */
  record Scored(TdgReport.Component component, List<String> notMeasuredParts) {
    public Scored {
      notMeasuredParts = List.copyOf(notMeasuredParts);
    }

    public Scored(TdgReport.Component component) {
      this(component, List.of());
    }
  }
}
