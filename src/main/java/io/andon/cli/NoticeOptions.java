package io.andon.cli;

import io.andon.error.Notice;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --quiet}, and how {@code validate} and {@code run} print the notices of a job file: one
 * line each, on the error stream, labelled as {@code validate} rates them (warning or notice) or
 * all as notices for {@code run}, which has started the job by then.
 */
public final class NoticeOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Do not print notices about keys andon accepts and does not act on.")
  boolean quiet;

  /** Prints {@code notices} unless --quiet; {@code rated} labels warnings as warnings. */
  void print(PrintWriter err, List<Notice> notices, boolean rated) {
    if (quiet) {
      return;
    }
    for (Notice n : notices) {
      String label = rated && n.severity() == Notice.Severity.WARNING ? "warning" : "notice";
      err.println(label + ": " + n.where());
    }
    err.flush();
  }

  /** Prints one notice of andon's own about the job, unless --quiet. */
  void line(PrintWriter err, String text) {
    if (!quiet) {
      err.println("notice: " + text);
      err.flush();
    }
  }
}
