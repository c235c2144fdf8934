package io.andon.ui;

import java.util.Map;

/** The page shown for a request the UI refuses or fails: the status and what to do. */
public final class ErrorPage {
  /** The error page's model. */
  public record Model(int status, String message) {}

  private ErrorPage() {}

  static UiResponse.Html of(int status, String message, Chrome chrome) {
    Chrome c =
        new Chrome(title(status), chrome.section(), chrome.visitor(), chrome.readsNeedToken());
    return new UiResponse.Html(
        status, Views.render("error.jte", Map.of("chrome", c, "m", new Model(status, message))));
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Not understood";
      case 401, 403 -> "Not allowed";
      case 404 -> "Not found";
      case 409 -> "Not now";
      default -> "Error";
    };
  }
}
