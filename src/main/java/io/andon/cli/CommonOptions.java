package io.andon.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes: where andon keeps its state, and how much to say on errors. */
public final class CommonOptions {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description =
          "Where andon keeps its run history and logs (default: the nearest .andon"
              + " folder here or above, else $ANDON_HOME, else $XDG_DATA_HOME/andon or"
              + " ~/.local/share/andon).")
  Path home;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  /** The andon home: see {@link Home}. */
  public Path home() {
    return located().path();
  }

  /** The andon home and how it was found. */
  Home located() {
    return Home.find(Optional.ofNullable(home), Path.of("").toAbsolutePath(), System.getenv());
  }
}
