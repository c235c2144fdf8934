package io.andon.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's pages and actions by method and path pattern. Routes are all added before the service
 * starts; a route says who may use it.
 */
public final class UiRoutes {
  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    UiResponse handle(UiRequest request);
  }

  /** Who may use a route. */
  public enum Access {
    /** Anyone: the sign-in page. */
    OPEN,
    /** A read: anyone on loopback, a signed-in session when the service listens beyond it. */
    READ,
    /** A change: a signed-in session, with the session's CSRF token. */
    MUTATION
  }

  /** A route. */
  public record Route(String method, PathPattern path, Handler handler, Access access) {}

  /** A route found for a request, with the named parts of its path. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  /** Adds a page, read with GET. */
  public UiRoutes page(String path, Handler h) {
    return add(new Route("GET", PathPattern.of(path), h, Access.READ));
  }

  /** Adds an action: a form POSTed by a signed-in session. */
  public UiRoutes action(String path, Handler h) {
    return add(new Route("POST", PathPattern.of(path), h, Access.MUTATION));
  }

  /** Adds a route anyone may use. */
  public UiRoutes open(String method, String path, Handler h) {
    return add(new Route(method, PathPattern.of(path), h, Access.OPEN));
  }

  private UiRoutes add(Route r) {
    for (Route other : routes) {
      if (other.method().equals(r.method()) && other.path().equals(r.path())) {
        throw new IllegalStateException("two routes for " + r.method() + " " + r.path().template());
      }
    }
    routes.add(r);
    return this;
  }

  /** The route of {@code method} and {@code path}, if any. */
  public Optional<Match> find(String method, String path) {
    for (Route r : routes) {
      if (r.method().equals(method)) {
        Optional<Map<String, String>> params = r.path().match(path);
        if (params.isPresent()) {
          return Optional.of(new Match(r, params.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether some route takes {@code path} with another method. */
  public boolean hasPath(String path) {
    return routes.stream().anyMatch(r -> r.path().match(path).isPresent());
  }
}
