package io.andon.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the run history lives, found as git finds its folder: {@code --home DIR}; else the nearest
 * {@code .andon} folder in the working directory or one of its parents; else {@code $ANDON_HOME};
 * else the user's data folder, {@code $XDG_DATA_HOME/andon} or {@code ~/.local/share/andon}.
 * Finding a home creates nothing.
 *
 * @param path the folder
 * @param why how it was chosen, for the first line of {@code andon runs list}
 */
record Home(Path path, String why) {
  /** The folder name a project-local history has. */
  static final String LOCAL = ".andon";

  /** The home for {@code flag}, from {@code cwd} and {@code env}. */
  static Home find(Optional<Path> flag, Path cwd, Map<String, String> env) {
    if (flag.isPresent()) {
      return new Home(flag.get(), "--home");
    }
    for (Path dir = cwd.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path local = dir.resolve(LOCAL);
      if (Files.isDirectory(local)) {
        return new Home(local, "the nearest " + LOCAL + " folder");
      }
    }
    String andonHome = env.getOrDefault("ANDON_HOME", "");
    if (!andonHome.isBlank()) {
      return new Home(Path.of(andonHome), "$ANDON_HOME");
    }
    String xdg = env.getOrDefault("XDG_DATA_HOME", "");
    if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return new Home(Path.of(xdg, "andon"), "$XDG_DATA_HOME/andon");
    }
    return new Home(
        Path.of(
            env.getOrDefault("HOME", System.getProperty("user.home")), ".local", "share", "andon"),
        "the user's data folder");
  }
}
