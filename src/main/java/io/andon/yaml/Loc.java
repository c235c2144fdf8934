package io.andon.yaml;

/** A position in a source file, 1-based. */
public record Loc(String file, int line, int column) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
