package io.andon.ui;

import io.andon.error.AndonException;

/** A request a page refuses, with the HTTP status the error page is sent with. */
public final class UiException extends AndonException {
  private static final long serialVersionUID = 1L;

  private final int status;

  UiException(int status, String message) {
    super(message, 2);
    this.status = status;
  }

  /** 404: no such page, job or run. */
  public static UiException notFound(String message) {
    return new UiException(404, message);
  }

  /** 403: a form without this session's CSRF token. */
  public static UiException forbidden(String message) {
    return new UiException(403, message);
  }

  /** 400: a form or query that makes no sense. */
  public static UiException invalid(String message) {
    return new UiException(400, message);
  }

  public int status() {
    return status;
  }
}
