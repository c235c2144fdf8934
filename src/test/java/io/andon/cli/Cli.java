package io.andon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs andon commands in-process and keeps what they print. */
final class Cli {
  final int exit;
  final String out;
  final String err;

  private Cli(int exit, String out, String err) {
    this.exit = exit;
    this.out = out;
    this.err = err;
  }

  static Cli run(String... args) {
    CommandLine cl = AndonCli.commandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Cli(exit, out.toString(), err.toString());
  }

  /**
   * Runs {@code andon drift --baseline baseline --current current} followed by the options {@code
   * more}.
   */
  static Cli drift(Path baseline, Path current, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("drift", "--baseline", baseline.toString(), "--current", current.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  /** What the command printed, read as JSON. */
  JsonNode json() throws IOException {
    return Json.read(out);
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
  }
}
