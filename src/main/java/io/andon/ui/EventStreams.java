package io.andon.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open server-sent event streams, all driven by one timer thread (no thread per open page):
 * every {@value WebUi#EVENT_POLL_MS} ms each stream's source is polled and what it gives written; a
 * comment every 15 s keeps idle connections open. A stream ends when its source is done or the
 * browser has gone.
 */
final class EventStreams {
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);

  /** Thrown inside a tick to stop its schedule. */
  private static final class Ended extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Ended() {
      super(null, null, false, false);
    }
  }

  /** How soon a browser reconnects a stream that broke. */
  static final long RETRY_MS = 250;

  /** Store reads that may fail in a row (a busy store) before the stream ends. */
  static final int MAX_FAILURES = 50;

  private final ScheduledThreadPoolExecutor timer;

  EventStreams() {
    AtomicInteger n = new AtomicInteger();
    timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "andon-ui-events-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    timer.setKeepAliveTime(10, TimeUnit.SECONDS);
    timer.allowCoreThreadTimeOut(true);
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Sends the headers of an event stream on {@code ex}, then feeds it from {@code source}. */
  void start(HttpExchange ex, UiResponse.EventSource source) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    out.write(("retry: " + RETRY_MS + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    long[] last = {System.nanoTime()};
    int[] failures = {0};
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            Optional<String> events = poll(source, failures);
            if (events.isPresent()) {
              out.write(events.get().getBytes(StandardCharsets.UTF_8));
              out.flush();
              last[0] = System.nanoTime();
            } else if (System.nanoTime() - last[0] > KEEP_ALIVE_NANOS) {
              out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
              out.flush();
              last[0] = System.nanoTime();
            }
            if (source.done()) {
              ex.close();
              throw new Ended();
            }
          } catch (IOException | RuntimeException e) {
            ex.close();
            throw new Ended();
          }
        },
        0,
        WebUi.EVENT_POLL_MS,
        TimeUnit.MILLISECONDS);
  }

  /**
   * What {@code source} gives now; nothing when its read failed (the store busy with a writer), so
   * that a passing failure costs one tick and not a reconnection; ends the stream after {@value
   * #MAX_FAILURES} failures in a row.
   */
  private static Optional<String> poll(UiResponse.EventSource source, int[] failures) {
    try {
      Optional<String> events = source.poll();
      failures[0] = 0;
      return events;
    } catch (RuntimeException e) {
      if (++failures[0] >= MAX_FAILURES) {
        throw e;
      }
      return Optional.empty();
    }
  }
}
