package io.andon.serve;

import io.andon.error.AndonException;

/**
 * A request the API refuses, with the HTTP status and the Databricks {@code error_code} of its
 * body: {@code {"error_code": "...", "message": "..."}}.
 */
public final class ApiException extends AndonException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String errorCode;

  ApiException(int status, String errorCode, String message) {
    super(message, 2);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** 400 INVALID_PARAMETER_VALUE: a field is missing, unknown, of the wrong type or value. */
  static ApiException invalid(String message) {
    return new ApiException(400, "INVALID_PARAMETER_VALUE", message);
  }

  /** 404 RESOURCE_DOES_NOT_EXIST: no such job, run or path. */
  static ApiException notFound(String message) {
    return new ApiException(404, "RESOURCE_DOES_NOT_EXIST", message);
  }

  /** 409 INVALID_STATE: the run or job is not in a state that allows this. */
  static ApiException invalidState(String message) {
    return new ApiException(409, "INVALID_STATE", message);
  }

  /** 401 UNAUTHENTICATED, deliberately without details. */
  static ApiException unauthenticated() {
    return new ApiException(401, "UNAUTHENTICATED", "Unauthenticated.");
  }

  /** 413 for a body over the limit. */
  static ApiException tooLarge(long limit) {
    return new ApiException(
        413,
        "INVALID_PARAMETER_VALUE",
        "the request body is larger than " + limit + " bytes; send a smaller one.");
  }

  public int status() {
    return status;
  }

  public String errorCode() {
    return errorCode;
  }
}
