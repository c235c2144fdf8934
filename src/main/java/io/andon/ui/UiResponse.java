package io.andon.ui;

import java.nio.charset.StandardCharsets;

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

  /** A small JSON answer to a page's script; never cached. */
  record Json(String body) implements UiResponse {}
}
