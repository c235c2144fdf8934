package io.andon.store;

import io.andon.error.AndonException;

/**
 * The run store could not be written because its file system is full. What was committed before is
 * intact; the write that failed was rolled back whole and may be tried again once there is space.
 */
public final class NoSpaceException extends AndonException {
  public NoSpaceException(String message, Throwable cause) {
    super(message, 2, cause);
  }
}
