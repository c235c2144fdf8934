package io.andon.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one listing of a file-arrival trigger's folder, with the state to keep. */
public sealed interface FileArrivalDecision {
  /** The state to hand to the next decision. */
  FileArrivalState next();

  /** Fire now, for these new files (sorted by path). */
  record Fire(List<FileSnapshot> files, FileArrivalState next) implements FileArrivalDecision {
    public Fire {
      files = List.copyOf(files);
      Objects.requireNonNull(next, "next");
    }
  }

  /** Do not fire; list again at {@code checkAt}, or at the usual poll when empty. */
  record Wait(Optional<Instant> checkAt, FileArrivalState next) implements FileArrivalDecision {
    public Wait {
      Objects.requireNonNull(checkAt, "checkAt");
      Objects.requireNonNull(next, "next");
    }
  }
}
