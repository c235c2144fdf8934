package io.andon.python;

import io.andon.error.AndonException;

/** A Python task that cannot run or failed, with a message naming the file, cell or package. */
public final class PythonTaskException extends AndonException {
  public PythonTaskException(String message) {
    super(message, 1);
  }
}
