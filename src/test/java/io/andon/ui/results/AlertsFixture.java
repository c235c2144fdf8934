package io.andon.ui.results;

import com.sun.net.httpserver.HttpServer;
import io.andon.alert.AlertEvaluator;
import io.andon.alert.AlertsFile;
import io.andon.alert.Env;
import io.andon.alert.Outbox;
import io.andon.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Alert rules evaluated twice over a store and their notifications sent: one to a file (delivered),
 * one to a webhook on a loopback receiver that answers 503 until told to accept (failed after its
 * one attempt), one to a webhook with a retry an hour later (pending).
 */
public final class AlertsFixture implements AutoCloseable {
  private final HttpServer receiver;
  private final AtomicBoolean accept = new AtomicBoolean();

  public AlertsFixture() {
    try {
      receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    receiver.createContext(
        "/",
        x -> {
          x.getRequestBody().readAllBytes();
          x.sendResponseHeaders(accept.get() ? 200 : 503, -1);
          x.close();
        });
    receiver.start();
  }

  /** From now on the receiver accepts what it is sent. */
  public void accept() {
    accept.set(true);
  }

  /** Writes {@code alerts.yml} in {@code dir}, evaluates it twice and delivers what is due. */
  public void evaluate(Path dir, Store store) {
    int port = receiver.getAddress().getPort();
    Path file = dir.resolve("alerts.yml");
    try {
      Files.writeString(
          file,
          """
          destinations:
            audit: {type: file, path: out/alerts.jsonl}
            ops_hook: {type: webhook, url: "http://127.0.0.1:%d/hook", retry_schedule_seconds: [0]}
            later_hook: {type: webhook, url: "http://127.0.0.1:%d/later", retry_schedule_seconds: [0, 3600]}
          alerts:
            - name: failed_runs
              query: SELECT count(*) AS failed FROM runs WHERE result_state = 'FAILED'
              condition: {column: failed, op: GREATER_THAN_OR_EQUAL, threshold: 0}
              notify: [{id: audit}, {id: ops_hook}, {id: later_hook}]
            - name: slow_tasks
              query: SELECT count(*) AS slow FROM task_runs WHERE end_time - start_time > 3600000
              condition: {column: slow, op: GREATER_THAN, threshold: 0}
          """
              .formatted(port, port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AlertsFile alerts = AlertsFile.read(file, Env.of(Map.of()));
    AlertEvaluator evaluator = new AlertEvaluator(store, Clock.systemUTC());
    evaluator.evaluate(alerts, List.of());
    evaluator.evaluate(alerts, List.of());
    Outbox.open(store).deliverDue();
  }

  @Override
  public void close() {
    receiver.stop(0);
  }
}
