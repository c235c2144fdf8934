package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.serve.Service;
import io.andon.serve.ServiceLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code andon serve}: serves jobs through a Jobs API 2.2 until SIGTERM or Ctrl-C, then lets
 * running tasks finish for the grace period, cancels what still runs, and exits 0.
 */
@Command(
    name = "serve",
    description = {
      "Serve jobs through a REST API shaped like the"
          + " Databricks Jobs API 2.2, running them in this JVM.",
      "Loads and validates every job of the files and folders given and reloads a file when it"
          + " changes. The token is ANDON_TOKEN, else the file serve.token in the home."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin BundleOptions bundle;

  @Parameters(
      paramLabel = "JOB_FILE_OR_FOLDER",
      arity = "1..*",
      description = "Job files (bare jobs, bundles, Jobs API JSON) or folders holding them.")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description =
          "The address to listen on (default: ${DEFAULT-VALUE}; any other than"
              + " loopback needs the token for reads too).")
  String bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8321",
      description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--max-parallel",
      paramLabel = "N",
      description = "Tasks running at once in each run (default: number of cores).")
  Integer maxParallel;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "On SIGTERM, how long running tasks may finish before they are canceled"
              + " (default: ${DEFAULT-VALUE}; 30s, 2m, 0s).")
  String grace;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      defaultValue = "text",
      description = "The service log on stderr: one line per event, as text or JSON.")
  ServiceLog.Format logFormat;

  @Override
  public Integer call() throws InterruptedException {
    Duration graceTime = duration(grace);
    if (port < 0 || port > 65535) {
      throw new InvalidInputException("--port must be between 0 and 65535, not " + port + ".");
    }
    PrintWriter err = spec.commandLine().getErr();
    ServiceLog log = new ServiceLog(err, logFormat, Clock.systemUTC());
    Path home = common.home();
    Service service =
        Service.start(
            new Service.Config(
                paths,
                home,
                bind,
                port,
                JobCommands.maxParallel(maxParallel),
                bundle.settings(),
                bundle.workspace,
                System.getenv(),
                Clock.systemUTC()),
            log);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "andon serve: "
            + service.url()
            + " serving "
            + service.catalog().jobs().size()
            + " job(s) of "
            + home
            + "; token: $ANDON_TOKEN or "
            + home.resolve("serve.token"));
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Signals signals = Signals.install(stop::countDown, "INT", "TERM");
    try {
      stop.await();
    } finally {
      signals.close();
    }
    service.stop(graceTime);
    return 0;
  }

  /** {@code 60s}, {@code 2m}, {@code 1h} or a number of seconds. */
  static Duration duration(String text) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m|h)?").matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          "--grace " + text + " is not a duration; give one such as" + " 60s, 2m or 0s.");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }
}
