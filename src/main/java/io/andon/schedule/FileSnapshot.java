package io.andon.schedule;

import java.time.Instant;
import java.util.Objects;

/** One file of a listing: its path, size in bytes and last-modified time. */
public record FileSnapshot(String path, long size, Instant modified) {
  public FileSnapshot {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(modified, "modified");
  }
}
