package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An event stream over a real HTTP server outlives a store read that fails now and then. */
class EventStreamsTest {
  /** Fails its first {@code failing} polls, then sends one event and is done. */
  private static final class Flaky implements UiResponse.EventSource {
    private final int failing;
    private final AtomicInteger polls = new AtomicInteger();
    private boolean done;

    Flaky(int failing) {
      this.failing = failing;
    }

    @Override
    public Optional<String> poll() {
      if (polls.incrementAndGet() <= failing) {
        throw new IllegalStateException("the store is busy");
      }
      done = true;
      return Optional.of("event: tasks\ndata: {}\n\n");
    }

    @Override
    public boolean done() {
      return done;
    }
  }

  private static String stream(UiResponse.EventSource source) throws Exception {
    EventStreams streams = new EventStreams();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/events", ex -> streams.start(ex, source));
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
      return HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aFailedReadCostsOneTickAndTheStreamGoesOnWithoutAReconnection() throws Exception {
    String body = stream(new Flaky(3));
    assertThat(body).startsWith("retry: 250\n\n").contains("event: tasks\ndata: {}");
  }

  @Test
  void aSourceThatKeepsFailingEndsTheStream() throws Exception {
    String body = stream(new Flaky(Integer.MAX_VALUE));
    assertThat(body).isEqualTo("retry: 250\n\n");
  }
}
