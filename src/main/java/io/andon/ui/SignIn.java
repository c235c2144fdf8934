package io.andon.ui;

import io.andon.serve.Auth;
import java.util.Map;
import java.util.Optional;

/**
 * The token flow: the UI asks for the service's token once (on this page, or in a dialog before the
 * first change) and keeps the browser session signed in until the browser closes.
 */
public final class SignIn {
  static final String PATH = "/ui/login";

  /** The sign-in page's model. */
  public record Model(String next, Optional<String> problem, boolean readsNeedToken) {}

  private final Auth auth;
  private final Sessions sessions;
  private final boolean readsNeedToken;

  SignIn(Auth auth, Sessions sessions, boolean readsNeedToken) {
    this.auth = auth;
    this.sessions = sessions;
    this.readsNeedToken = readsNeedToken;
  }

  private Chrome chrome(UiRequest r) {
    return new Chrome("Sign in", Chrome.Section.NONE, r.visitor(), readsNeedToken);
  }

  UiResponse form(UiRequest r) {
    String next = r.queryParam("next").filter(UiRequest::isLocalPath).orElse("/jobs");
    return Views.page("login.jte", chrome(r), new Model(next, Optional.empty(), readsNeedToken));
  }

  UiResponse signIn(UiRequest r) {
    boolean script = r.field("via").map("script"::equals).orElse(false);
    String next = r.field("next").filter(UiRequest::isLocalPath).orElse("/jobs");
    if (auth.isToken(r.field("token").orElse(""))) {
      sessions.signIn(r.visitor().sessionId());
      return script ? new UiResponse.Json("{\"signed_in\": true}") : new UiResponse.Redirect(next);
    }
    if (script) {
      // 200, not 401: the page's script says what is wrong, and the console stays clean
      return new UiResponse.Json("{\"signed_in\": false}");
    }
    String problem =
        "That is not this service's token. It is in the file serve.token of the andon home, or"
            + " the ANDON_TOKEN the service was started with.";
    return new UiResponse.Html(
        401,
        Views.render(
            "login.jte",
            Map.of(
                "chrome", chrome(r), "m", new Model(next, Optional.of(problem), readsNeedToken))));
  }

  UiResponse signOut(UiRequest r) {
    sessions.signOut(r.visitor().sessionId());
    return new UiResponse.Redirect("/jobs");
  }
}
