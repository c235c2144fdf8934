package io.andon.ui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.andon.serve.ApiException;
import io.andon.serve.Auth;
import io.andon.serve.JobCatalog;
import io.andon.serve.LocalApi;
import io.andon.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The web UI, served by {@code andon serve} on its own port beside the API: finds the page or
 * action of a request, applies the token and CSRF rules, and writes the answer. A failure becomes
 * an error page that says what went wrong; never a stack trace.
 */
public final class WebUi implements HttpHandler {
  /** The paths the UI answers under (and {@code /} itself). */
  public static final List<String> PREFIXES =
      List.of("/jobs", "/runs", "/monitors", "/alerts", "/ui");

  /** How often an open event stream looks for changes, in milliseconds. */
  static final long EVENT_POLL_MS = 100;

  /** The largest form accepted: 1 MiB, as for the API. */
  static final int MAX_FORM = 1 << 20;

  /** What the UI reads and acts through. */
  public record Setup(
      LocalApi api,
      JobCatalog catalog,
      Store store,
      Auth auth,
      boolean readsNeedToken,
      Clock clock) {}

  private final Setup setup;
  private final Sessions sessions = new Sessions();
  private final UiRoutes routes = new UiRoutes();
  private final EventStreams streams = new EventStreams();

  public WebUi(Setup setup) {
    this.setup = setup;
    SignIn signIn = new SignIn(setup.auth(), sessions, setup.readsNeedToken());
    routes.page("/", r -> new UiResponse.Redirect("/jobs"));
    routes.open("GET", "/ui/login", signIn::form);
    routes.open("POST", "/ui/login", signIn::signIn);
    routes.action("/ui/logout", signIn::signOut);
    new JobsPage(setup).routes(routes);
    new JobPage(setup).routes(routes);
    new RunPage(setup).routes(routes);
    new TaskRunPage(setup).routes(routes);
    new MonitorsPage(setup).routes(routes);
    new AlertsPage(setup).routes(routes);
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    Optional<String> cookie =
        Optional.ofNullable(ex.getRequestHeaders().getFirst("Cookie"))
            .flatMap(Sessions::fromCookie);
    String sessionId = cookie.orElseGet(sessions::newId);
    Visitor visitor = sessions.visitor(sessionId);
    boolean bearer =
        setup.auth().accepts(Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")));
    if (bearer && !visitor.signedIn()) {
      visitor = new Visitor(visitor.sessionId(), visitor.csrf(), true);
    }
    UiResponse response;
    try {
      response = answer(ex, visitor);
    } catch (UiException e) {
      response = ErrorPage.of(e.status(), e.getMessage(), chrome(visitor));
    } catch (ApiException e) {
      response = ErrorPage.of(e.status(), e.getMessage(), chrome(visitor));
    } catch (RuntimeException e) {
      response =
          ErrorPage.of(
              500,
              "andon failed to show this page (" + e + "); the service log may say more.",
              chrome(visitor));
    }
    write(ex, response, cookie.isEmpty() ? Optional.of(sessionId) : Optional.empty());
  }

  private Chrome chrome(Visitor v) {
    return new Chrome("Error", Chrome.Section.NONE, v, setup.readsNeedToken());
  }

  private UiResponse answer(HttpExchange ex, Visitor visitor) {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    if (path.startsWith(Assets.PREFIX) && method.equals("GET")) {
      return Assets.find(path)
          .<UiResponse>map(a -> a)
          .orElseThrow(() -> UiException.notFound("there is no file " + path + "."));
    }
    UiRoutes.Match match =
        routes
            .find(method, path)
            .orElseThrow(
                () ->
                    routes.hasPath(path)
                        ? new UiException(405, method + " is not allowed on " + path + ".")
                        : UiException.notFound(
                            "there is no page " + path + "; the Jobs page lists what there is."));
    Map<String, String> form = method.equals("POST") ? form(ex) : Map.of();
    UiRequest request =
        new UiRequest(
            method, path, match.params(), query(ex.getRequestURI().getRawQuery()), form, visitor);
    switch (match.route().access()) {
      case OPEN -> {}
      case READ -> {
        if (setup.readsNeedToken() && !visitor.signedIn()) {
          return new UiResponse.Redirect(SignIn.PATH + "?next=" + encode(pathAndQuery(ex)));
        }
      }
      case MUTATION -> {
        checkCsrf(ex, request);
        if (!visitor.signedIn()) {
          return new UiResponse.Redirect(SignIn.PATH + "?next=" + encode(request.back("/jobs")));
        }
      }
    }
    if (match.route().access() == UiRoutes.Access.OPEN && method.equals("POST")) {
      checkCsrf(ex, request);
    }
    return match.route().handler().handle(request);
  }

  private void checkCsrf(HttpExchange ex, UiRequest r) {
    String given =
        r.field("csrf")
            .or(() -> Optional.ofNullable(ex.getRequestHeaders().getFirst("X-CSRF-Token")))
            .orElse("");
    if (!sessions.csrfMatches(r.visitor().sessionId(), given)) {
      throw UiException.forbidden(
          "this form is not from this browser session (it may be from before the service"
              + " restarted, or from another site); reload the page and send it again.");
    }
  }

  private static String pathAndQuery(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    return ex.getRequestURI().getRawPath() + (q == null ? "" : "?" + q);
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Map<String, String> form(HttpExchange ex) {
    String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
    try (InputStream in = ex.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_FORM + 1);
      if (body.length > MAX_FORM) {
        throw UiException.invalid("the form is larger than " + MAX_FORM + " bytes.");
      }
      if (body.length > 0 && !type.startsWith("application/x-www-form-urlencoded")) {
        throw UiException.invalid(
            "a form is sent as application/x-www-form-urlencoded, not '" + type + "'.");
      }
      return query(new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw UiException.invalid("the form could not be read (" + e.getMessage() + ").");
    }
  }

  /** The fields of a query string or form body; a repeated name keeps its last value. */
  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private void write(HttpExchange ex, UiResponse response, Optional<String> newSession)
      throws IOException {
    Headers h = ex.getResponseHeaders();
    newSession.ifPresent(id -> h.add("Set-Cookie", Sessions.cookie(id)));
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "same-origin");
    if (response instanceof UiResponse.Stream stream) {
      try {
        streams.start(ex, stream.source());
      } catch (IOException e) {
        ex.close();
      }
      return;
    }
    try {
      if (response instanceof UiResponse.Html html) {
        h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                + " frame-ancestors 'none'; form-action 'self'");
        byte[] bytes = Gzip.ifAccepted(ex, html.bytes());
        ex.sendResponseHeaders(html.status(), bytes.length);
        ex.getResponseBody().write(bytes);
      } else if (response instanceof UiResponse.Redirect r) {
        h.set("Location", r.location());
        ex.sendResponseHeaders(303, -1);
      } else if (response instanceof UiResponse.Asset a) {
        h.set("Content-Type", a.contentType());
        h.set("Cache-Control", "public, max-age=3600");
        ex.sendResponseHeaders(200, a.bytes().length);
        ex.getResponseBody().write(a.bytes());
      } else if (response instanceof UiResponse.Json json) {
        h.set("Content-Type", "application/json");
        h.set("Cache-Control", "no-store");
        byte[] bytes = Gzip.ifAccepted(ex, json.body().getBytes(StandardCharsets.UTF_8));
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
      }
    } catch (IOException e) {
      // the browser went away
    } finally {
      ex.close();
    }
  }
}
