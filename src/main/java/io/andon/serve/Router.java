package io.andon.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a method and an exact path to a handler. Routes are all added before the server starts and
 * never after; a route says whether it changes anything (then it always needs the token).
 */
public final class Router {
  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    Response handle(Request request);
  }

  /** A route: its handler, and whether it is a mutation. */
  public record Route(String method, String path, Handler handler, boolean mutation) {}

  private final Map<String, Route> routes = new LinkedHashMap<>();

  /** Adds a read-only route. */
  Router get(String path, Handler handler) {
    return add(new Route("GET", path, handler, false));
  }

  /** Adds a route that changes something: it always needs the token. */
  Router post(String path, Handler handler) {
    return add(new Route("POST", path, handler, true));
  }

  private Router add(Route r) {
    if (routes.putIfAbsent(r.method() + " " + r.path(), r) != null) {
      throw new IllegalStateException("two routes for " + r.method() + " " + r.path());
    }
    return this;
  }

  /** The route for {@code method} and {@code path}, if any. */
  Optional<Route> find(String method, String path) {
    return Optional.ofNullable(routes.get(method + " " + path));
  }

  /** Whether some route has {@code path}, with another method. */
  boolean hasPath(String path) {
    return routes.values().stream().anyMatch(r -> r.path().equals(path));
  }

  /** Every route, in the order they were added. */
  List<Route> routes() {
    return List.copyOf(routes.values());
  }
}
