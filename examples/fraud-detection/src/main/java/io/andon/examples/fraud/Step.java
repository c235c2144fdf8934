package io.andon.examples.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.AndonException;
import io.andon.util.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What every step's main class shares: {@code --name value} arguments, task values written to
 * {@code $ANDON_TASK_VALUES}, and errors that say what to do (exit 2 for bad input).
 */
final class Step {
  /** A step's body. */
  interface Body {
    Map<String, Object> run(Args args) throws Exception;
  }

  /** Parsed {@code --name value} arguments. */
  record Args(String step, Map<String, String> values) {
    Args {
      values = Map.copyOf(values);
    }

    String required(String name) {
      String v = values.get(name);
      if (v == null) {
        throw new BadInputException(step + ": --" + name + " is required.");
      }
      return v;
    }

    String get(String name, String fallback) {
      String v = values.get(name);
      return v == null || v.isEmpty() ? fallback : v;
    }

    Path path(String name) {
      return Path.of(required(name));
    }

    Workspace workspace() {
      return new Workspace(path("work"));
    }

    int integer(String name, String fallback, int min) {
      String v = get(name, fallback);
      try {
        int i = Integer.parseInt(v.strip());
        if (i < min) {
          throw new BadInputException(
              step + ": --" + name + " must be at least " + min + ", not " + i + ".");
        }
        return i;
      } catch (NumberFormatException e) {
        throw new BadInputException(
            step + ": --" + name + " must be a whole number, not '" + v + "'.");
      }
    }

    long longValue(String name, String fallback) {
      String v = get(name, fallback);
      try {
        return Long.parseLong(v.strip());
      } catch (NumberFormatException e) {
        throw new BadInputException(
            step + ": --" + name + " must be a whole number, not '" + v + "'.");
      }
    }

    double number(String name, String fallback) {
      String v = get(name, fallback);
      try {
        return Double.parseDouble(v.strip());
      } catch (NumberFormatException e) {
        throw new BadInputException(step + ": --" + name + " must be a number, not '" + v + "'.");
      }
    }
  }

  private Step() {}

  static Args parse(String step, String[] argv, Set<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        throw new BadInputException(
            step
                + ": unexpected argument '"
                + a
                + "'; arguments are "
                + "--name value pairs: "
                + known);
      }
      String name = a.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < argv.length) {
        value = argv[++i];
      } else {
        throw new BadInputException(step + ": --" + name + " needs a value.");
      }
      if (!known.contains(name)) {
        throw new BadInputException(
            step
                + ": unknown option --"
                + name
                + "; known: "
                + new java.util.TreeSet<>(known)
                + "."
                + io.andon.util.Strings.didYouMean(name, known));
      }
      values.put(name, value);
    }
    return new Args(step, values);
  }

  /** Runs a step and exits: 0 done, 2 bad input, 1 anything else. */
  static void main(String step, String[] argv, Set<String> known, Body body) {
    System.exit(run(step, argv, known, body, System.out, System.err));
  }

  static int run(
      String step, String[] argv, Set<String> known, Body body, PrintStream out, PrintStream err) {
    try {
      Map<String, Object> values = body.run(parse(step, argv, known));
      publish(values);
      return 0;
    } catch (AndonException e) {
      String m = e.getMessage();
      err.println(m.startsWith(step + ": ") ? m : step + ": " + m);
      return e.exitCode();
    } catch (Exception e) {
      err.println(step + ": failed: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  /** Writes values to {@code $ANDON_TASK_VALUES} as one JSON object, when run by andon. */
  static void publish(Map<String, Object> values) throws IOException {
    Objects.requireNonNull(values, "values");
    String file = System.getenv("ANDON_TASK_VALUES");
    if (file == null || file.isEmpty() || values.isEmpty()) {
      return;
    }
    JsonNode node = Json.mapper().valueToTree(values);
    Files.writeString(
        Path.of(file),
        Json.write(node) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING);
  }
}
