package io.andon.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * A progress line redrawn in place on standard error while a command works, when andon runs on a
 * terminal; off a terminal (or when asked to be quiet) it shows nothing.
 */
final class StatusLine implements Consumer<String> {
  private static final String CLEAR = "\r\u001b[K";
  private final PrintWriter err;
  private final boolean shown;

  private StatusLine(PrintWriter err, boolean shown) {
    this.err = err;
    this.shown = shown;
  }

  /** On {@code err}, shown when andon runs on a terminal and {@code quiet} is false. */
  static StatusLine onTerminal(PrintWriter err, boolean quiet) {
    return new StatusLine(err, System.console() != null && !quiet);
  }

  /** Replaces the line shown with {@code line}. */
  @Override
  public void accept(String line) {
    if (shown) {
      err.print(CLEAR + line);
      err.flush();
    }
  }

  /** Clears the line, before the command prints its result. */
  void clear() {
    if (shown) {
      err.print(CLEAR);
      err.flush();
    }
  }
}
