package io.andon.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.andon.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the service, on the JDK's own server: reads a request (at most {@value
 * #MAX_BODY} bytes of body), checks the token, hands it to its route and writes the answer. Every
 * failure becomes a Databricks-shaped error body; nothing a handler throws reaches the client as a
 * stack trace.
 *
 * <p>Slow clients: the JDK server drops a connection whose request has not arrived within {@code
 * sun.net.httpserver.maxReqTime} seconds (andon sets 10 unless given) and whose answer has not been
 * taken within {@code sun.net.httpserver.maxRspTime} (60).
 */
public final class HttpService implements AutoCloseable {
  /** The largest request body accepted: 1 MiB. */
  public static final int MAX_BODY = 1 << 20;

  static {
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", "10");
    }
    if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
      System.setProperty("sun.net.httpserver.maxRspTime", "60");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final Router router;
  private final Auth auth;
  private final boolean readsNeedToken;
  private final ServiceLog log;
  private Optional<HttpHandler> home = Optional.empty();

  /**
   * Binds {@code address} (port 0: any free port); serves nothing until {@link #start()}.
   *
   * @param readsNeedToken true when bound to anything but loopback: then reads need the token too
   */
  public HttpService(
      InetSocketAddress address, Router router, Auth auth, boolean readsNeedToken, ServiceLog log) {
    this.router = router;
    this.auth = auth;
    this.readsNeedToken = readsNeedToken;
    this.log = log;
    try {
      this.server = HttpServer.create(address, 64);
    } catch (IOException e) {
      throw new io.andon.error.InvalidInputException(
          "cannot listen on "
              + address.getHostString()
              + ":"
              + address.getPort()
              + " ("
              + e.getMessage()
              + "); pick another --port, or stop"
              + " what listens there.",
          e);
    }
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "andon-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(workers);
    server.createContext("/", this::exchange);
  }

  /**
   * Hands every request under each of {@code prefixes}, and for {@code /} itself, to {@code
   * handler} instead of the API's router (the web UI); before {@link #start()} only.
   */
  public void mount(List<String> prefixes, HttpHandler handler) {
    prefixes.forEach(p -> server.createContext(p, handler));
    home = Optional.of(handler);
  }

  /** Starts answering. */
  public void start() {
    server.start();
  }

  /** The port listened on (the one picked, for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops taking requests; those in progress get up to a second to finish. */
  @Override
  public void close() {
    server.stop(1);
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void exchange(HttpExchange ex) throws IOException {
    Response response;
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    if (path.equals("/") && home.isPresent()) {
      home.get().handle(ex);
      return;
    }
    try {
      response = answer(ex, method, path);
    } catch (ApiException e) {
      response = Response.error(e);
    } catch (io.andon.error.InvalidInputException e) {
      response = Response.error(ApiException.invalid(e.getMessage()));
    } catch (RuntimeException e) {
      log.event("internal_error", Map.of("method", method, "path", path, "error", e.toString()));
      response =
          Response.error(
              new ApiException(
                  500,
                  "INTERNAL_ERROR",
                  "andon failed to answer" + " this request; the service log has the cause."));
    }
    try {
      ex.getResponseHeaders().set("Content-Type", response.contentType());
      ex.sendResponseHeaders(
          response.status(), response.body().length == 0 ? -1 : response.body().length);
      ex.getResponseBody().write(response.body());
    } catch (IOException e) {
      // the client went away
    } finally {
      ex.close();
    }
  }

  private Response answer(HttpExchange ex, String method, String path) {
    Optional<Router.Route> route = router.find(method, path);
    if (route.isEmpty()) {
      if (router.hasPath(path)) {
        throw new ApiException(
            405, "INVALID_PARAMETER_VALUE", method + " is not allowed on " + path + ".");
      }
      throw ApiException.notFound(
          "no endpoint " + method + " " + path + "; /api/openapi.json" + " lists them.");
    }
    byte[] bytes = method.equals("GET") ? new byte[0] : read(ex);
    boolean authenticated =
        auth.accepts(Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")));
    boolean open = path.equals("/healthz");
    if (!authenticated && !open && (route.get().mutation() || readsNeedToken)) {
      throw ApiException.unauthenticated();
    }
    if (method.equals("GET")) {
      return route
          .get()
          .handler()
          .handle(
              Request.ofQuery(
                  method, path, query(ex.getRequestURI().getRawQuery()), authenticated));
    }
    return route.get().handler().handle(new Request(method, path, body(bytes), authenticated));
  }

  private static ObjectNode body(byte[] bytes) {
    if (bytes.length == 0) {
      return Json.object();
    }
    JsonNode node;
    try {
      node = Json.read(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(
          "the request body is not valid JSON: "
              + e.getOriginalMessage()
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ").");
    }
    if (!(node instanceof ObjectNode o)) {
      throw ApiException.invalid(
          "the request body must be a JSON object, not "
              + node.getNodeType().name().toLowerCase()
              + ".");
    }
    return o;
  }

  /**
   * The body, at most {@link #MAX_BODY} bytes. A larger one is refused; up to four times the limit
   * of it is read and dropped first, so that the client gets to read the answer.
   */
  private static byte[] read(HttpExchange ex) {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    boolean tooLarge =
        length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > MAX_BODY;
    try (InputStream in = ex.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while (total <= 4L * MAX_BODY && (n = in.read(buf)) > 0) {
        total += n;
        tooLarge |= total > MAX_BODY;
        if (!tooLarge) {
          out.write(buf, 0, n);
        }
      }
      if (tooLarge) {
        throw ApiException.tooLarge(MAX_BODY);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }
}
