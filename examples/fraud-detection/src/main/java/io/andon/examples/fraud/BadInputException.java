package io.andon.examples.fraud;

import io.andon.error.InvalidInputException;

/** Bad input to a step of the example: a missing or malformed file, a bad argument. Exit 2. */
public final class BadInputException extends InvalidInputException {
  public BadInputException(String message) {
    super(message);
  }
}
