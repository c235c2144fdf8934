package io.andon.tdg;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a {@link TdgReport} in one of its four forms; each form has its own renderer ({@link
 * TdgJson}, {@link TdgText}, {@link TdgMarkdown}, {@link TdgSarif}).
 */
public final class TdgRender {
  private TdgRender() {}

  /** The JSON document, the metrics source for {@code andon gate} ({@code tdg.score}, ...). */
  public static ObjectNode json(TdgReport r) {
    return TdgJson.json(r);
  }

  /** A report for a terminal. */
  public static String text(TdgReport r) {
    return TdgText.text(r);
  }

  /** A Markdown report, for READMEs and pull requests. */
  public static String markdown(TdgReport r) {
    return TdgMarkdown.markdown(r);
  }

  /**
   * SARIF 2.1.0: one result per method over a threshold (rules tdg/cyclomatic, tdg/cognitive,
   * tdg/nesting), per ungraded file (tdg/unparsed) and per security finding (tdg/vulnerability,
   * tdg/advisory, located where the project declares the dependency).
   */
  public static ObjectNode sarif(TdgReport r, TdgConfig cfg) {
    return TdgSarif.sarif(r, cfg);
  }
}
