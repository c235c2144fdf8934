package io.andon.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.engine.Processes;
import io.andon.engine.TaskContext;
import io.andon.util.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One run of andon's Python runner for a task attempt: writes the context file, starts Python (its
 * first step makes it the leader of a process group of its own, which costs less than starting it
 * through setsid(1)), copies its output to the task's log with secrets redacted, stops it when the
 * attempt is canceled or times out, and reads the result file it leaves.
 */
final class PythonProcess {
  /**
   * What the runner reported.
   *
   * @param values task values the code set
   * @param exit the value given to dbutils.notebook.exit
   * @param error the failure, naming the file and cell
   */
  record Result(Map<String, JsonNode> values, Optional<String> exit, Optional<String> error) {}

  private PythonProcess() {}

  static Result run(
      TaskContext ctx, Path python, Map<String, Object> context, Path cwd, Map<String, String> env)
      throws IOException, InterruptedException {
    Path lib = PythonLib.dir(ctx.home());
    Path tmp = ctx.home().toAbsolutePath().resolve("python").resolve("tmp");
    Files.createDirectories(tmp);
    Path work = Files.createTempDirectory(tmp, "run-" + ctx.runId() + "-");
    try {
      Path spec = work.resolve("context.json");
      Path result = work.resolve("result.json");
      Map<String, Object> full = new LinkedHashMap<>(context);
      full.put("result_file", result.toString());
      Files.writeString(spec, Json.write(full), StandardCharsets.UTF_8);
      List<String> cmd =
          List.of(python.toString(), "-m", "andon", "--new-session", spec.toString());
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(cwd.toFile())
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Map<String, String> penv = pb.environment();
      penv.put("ANDON_TASK_CONTEXT", spec.toString());
      // the marks recovery looks for: if andon is killed, the next command kills this process
      penv.put("ANDON_HOME", ctx.home().toAbsolutePath().toString());
      penv.put("ANDON_RUN_ID", Long.toString(ctx.runId()));
      penv.put("PYTHONUNBUFFERED", "1");
      penv.merge("PYTHONPATH", lib.toString(), (old, mine) -> mine + File.pathSeparator + old);
      List<String> secrets = Secrets.values(env);
      Process p = pb.start();
      Thread pump = new Thread(() -> copy(p, ctx, secrets), "andon-python-log");
      pump.setDaemon(true);
      pump.start();
      while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
        if (ctx.cancelled()) {
          Processes.killGroup(p.pid());
          p.destroyForcibly(); // when it is canceled before it leads its own group
          p.waitFor(5, TimeUnit.SECONDS);
          throw new PythonTaskException("canceled");
        }
      }
      // the task's processes end with it, as a shell task's do (its own process group)
      Processes.killGroup(p.pid());
      pump.join(5000);
      return read(result, p.exitValue());
    } finally {
      Venvs.deleteTree(work);
    }
  }

  private static void copy(Process p, TaskContext ctx, List<String> secrets) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        ctx.log().println(secrets.isEmpty() ? line : Secrets.redact(line, secrets));
      }
    } catch (IOException e) {
      ctx.log().println("andon: the task's output could not be read: " + e.getMessage());
    }
  }

  private static Result read(Path result, int status) throws IOException {
    if (!Files.isRegularFile(result)) {
      return new Result(
          Map.of(),
          Optional.empty(),
          Optional.of(
              "Python exited with status "
                  + status
                  + " before andon's runner could report (see the task's log)"));
    }
    JsonNode r = Json.read(Files.readString(result, StandardCharsets.UTF_8));
    Map<String, JsonNode> values = new LinkedHashMap<>();
    r.path("values").properties().forEach(e -> values.put(e.getKey(), e.getValue()));
    Optional<String> exit =
        r.path("exit").isNull() || r.path("exit").isMissingNode()
            ? Optional.empty()
            : Optional.of(r.path("exit").asText());
    Optional<String> error =
        r.path("error").isTextual()
            ? Optional.of(r.path("error").asText())
            : status == 0 ? Optional.empty() : Optional.of("Python exited with status " + status);
    return new Result(values, exit, error);
  }
}
