package io.andon.ui;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a page or an action answers: a page of HTML, a redirect, or an asset's bytes. */
public sealed interface UiResponse {
  /** A page of HTML with its status. */
  record Html(int status, String body) implements UiResponse {
    public Html(String body) {
      this(200, body);
    }

    byte[] bytes() {
      return body.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** 303 See Other to {@code location} (a path of this service), after a form's POST. */
  record Redirect(String location) implements UiResponse {}

  /** A file of the UI itself, cacheable. */
  record Asset(String contentType, byte[] bytes) implements UiResponse {}

  /**
   * A stream of server-sent events ({@code text/event-stream}): the service polls {@code source} on
   * its own timer and writes what it gives, until it is done or the browser goes away.
   */
  record Stream(EventSource source) implements UiResponse {}

  /** What a {@link Stream} sends. Called from one thread at a time. */
  interface EventSource {
    /** The events to send now (whole {@code event:}/{@code data:} blocks), if any. */
    Optional<String> poll();

    /** Whether the stream has said all it will. */
    boolean done();
  }

  /** A small JSON answer to a page's script; never cached. */
  record Json(String body) implements UiResponse {}
}
