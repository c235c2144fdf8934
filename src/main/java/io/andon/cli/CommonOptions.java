package io.andon.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where andon keeps its state, and how much to say on errors. */
public final class CommonOptions {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Where andon keeps its run history and logs (default: $ANDON_HOME, else ./.andon).")
  Path home;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  /** The andon home: --home, else $ANDON_HOME, else ./.andon. */
  public Path home() {
    if (home != null) {
      return home;
    }
    String env = System.getenv("ANDON_HOME");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(".andon");
  }
}
