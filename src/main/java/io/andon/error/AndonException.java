package io.andon.error;

/**
 * Root of andon's exception tree. Every exception a user can meet carries a message that says what
 * went wrong, where, and what to do, and the process exit code that the CLI returns for it.
 */
public class AndonException extends RuntimeException {
  private final int exitCode;

  public AndonException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public AndonException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit code the CLI returns when this exception ends a command. */
  public int exitCode() {
    return exitCode;
  }
}
