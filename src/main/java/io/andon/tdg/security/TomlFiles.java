package io.andon.tdg.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;

/** Reads TOML files (pyproject.toml, poetry.lock, uv.lock, Cargo.lock) into a JSON tree. */
final class TomlFiles {
  private static final TomlMapper MAPPER = new TomlMapper();

  private TomlFiles() {}

  /** The document as a tree; a file that is not TOML is an error naming file:line:column. */
  static JsonNode read(Path file, String name) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      throw new InvalidInputException(
          name
              + where
              + ": not valid TOML ("
              + e.getOriginalMessage()
              + "). Fix the file or regenerate it with its tool.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ").", e);
    }
  }
}
