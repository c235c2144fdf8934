package io.andon.error;

import java.util.List;

/**
 * Bad input from the user: a definition that does not validate, a file that cannot be read, a flag
 * that makes no sense. Always exit code 2. May carry a list of located problems, all of them found
 * at once.
 */
public class InvalidInputException extends AndonException {
  public static final int EXIT_CODE = 2;
  private final List<Problem> problems;

  public InvalidInputException(String message) {
    this(message, List.of(), null);
  }

  public InvalidInputException(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  public InvalidInputException(String message, List<Problem> problems) {
    this(message, problems, null);
  }

  private InvalidInputException(String message, List<Problem> problems, Throwable cause) {
    super(render(message, problems), EXIT_CODE, cause);
    this.problems = List.copyOf(problems);
  }

  /** The located problems, in file order; empty when the message says it all. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(String message, List<Problem> problems) {
    if (problems.isEmpty()) {
      return message;
    }
    StringBuilder sb = new StringBuilder(message);
    for (Problem p : problems) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }
}
