package io.andon.cli;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what a command's {@code --output FILE} asks for, the same way for every command. */
final class OutputFile {
  private OutputFile() {}

  /** Writes {@code text} to {@code file} in UTF-8, creating its folder; exit 2 when it cannot. */
  static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot write the report to "
              + file
              + " ("
              + e
              + "); pass --output a path in a writable folder.",
          e);
    }
  }
}
