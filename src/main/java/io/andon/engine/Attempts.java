package io.andon.engine;

import io.andon.job.Payload;
import io.andon.job.ResultState;
import io.andon.job.RunJobTask;
import io.andon.job.ShellTask;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs one attempt of a unit on a worker thread, by its kind: a shell command ({@link
 * ShellAttempts}), a child job ({@link ChildJobAttempt}) or a contributed payload ({@link
 * PayloadAttempt}).
 */
final class Attempts {
  private static final Optional<String> JAR = jarPath();

  private Attempts() {}

  /**
   * Runs the attempt on this worker thread; {@code resolver} and {@code seen} were made on the
   * scheduling thread when it was dispatched.
   */
  static AttemptResult run(
      AttemptEnv env, AttemptView a, Resolver resolver, TaskViews.Snapshot seen) throws Exception {
    Payload p = a.spec().payload();
    if (p instanceof ShellTask s) {
      return ShellAttempts.run(env, a, s, resolver);
    }
    if (p instanceof RunJobTask rj) {
      return ChildJobAttempt.run(env, a, rj, resolver);
    }
    Optional<PayloadRunner> runner = env.runner(p.type());
    if (runner.isEmpty()) {
      return AttemptResult.of(
          ResultState.FAILED, "no runner for " + p.type() + " in this build of andon");
    }
    return PayloadAttempt.run(env, a, runner.get(), resolver, seen);
  }

  /** The environment variable for a job parameter: ANDON_PARAM_ and the name in capitals. */
  static String paramVar(String name) {
    return "ANDON_PARAM_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }

  /** The andon jar this code runs from, if it runs from one. */
  static Optional<String> jar() {
    return JAR;
  }

  private static Optional<String> jarPath() {
    try {
      var src = Attempts.class.getProtectionDomain().getCodeSource();
      if (src != null && src.getLocation().getPath().endsWith(".jar")) {
        return Optional.of(Path.of(src.getLocation().toURI()).toString());
      }
    } catch (Exception e) {
      // not from a jar
    }
    return Optional.empty();
  }
}
