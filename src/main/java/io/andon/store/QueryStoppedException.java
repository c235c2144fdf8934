package io.andon.store;

import io.andon.error.AndonException;

/**
 * A read-only query that {@link Store#readOnly} stopped: it ran past its time limit, or the work it
 * belonged to was canceled. The message says which.
 */
public final class QueryStoppedException extends AndonException {
  public QueryStoppedException(String message, Throwable cause) {
    super(message, 4, cause);
  }
}
