package io.andon.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver on 127.0.0.1 for the tests: records every request, can fail the first N,
 * answer slowly, and verify Standard Webhooks signatures the way a receiver would (its own HMAC
 * code, timestamps older than 5 minutes rejected). Deduplicates accepted requests on webhook-id.
 */
final class Receiver implements AutoCloseable {
  /** One request as received. */
  record Request(String path, Map<String, List<String>> headers, String body, int status) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Set<String> acceptedIds = new LinkedHashSet<>();
  private final AtomicInteger failuresLeft;
  private final String secret;
  private final long delayMillis;
  private final boolean github;

  private Receiver(int port, int failFirst, String secret, long delayMillis) throws IOException {
    this(port, failFirst, secret, delayMillis, false);
  }

  private Receiver(int port, int failFirst, String secret, long delayMillis, boolean github)
      throws IOException {
    this.github = github;
    this.failuresLeft = new AtomicInteger(failFirst);
    this.secret = secret;
    this.delayMillis = delayMillis;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  static Receiver accepting() throws IOException {
    return new Receiver(0, 0, null, 0);
  }

  static Receiver failingFirst(int n) throws IOException {
    return new Receiver(0, n, null, 0);
  }

  static Receiver verifying(String secret) throws IOException {
    return new Receiver(0, 0, secret, 0);
  }

  /** Verifies GitHub's X-Hub-Signature-256 with a raw secret. */
  static Receiver verifyingGithub(String secret) throws IOException {
    return new Receiver(0, 0, secret, 0, true);
  }

  static Receiver slow(long delayMillis) throws IOException {
    return new Receiver(0, 0, null, delayMillis);
  }

  /** A receiver on a port used before: the same endpoint coming back up. */
  static Receiver onPort(int port) throws IOException {
    return new Receiver(port, 0, null, 0);
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Ids of accepted requests, each once: what a deduplicating receiver has processed. */
  synchronized Set<String> acceptedIds() {
    return Set.copyOf(acceptedIds);
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int status = 200;
    String answer = "ok";
    if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      status = 503;
      answer = "try later";
    } else if (secret != null && !verified(ex, body)) {
      status = 401;
      answer = "bad signature";
    }
    Request r =
        new Request(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body, status);
    synchronized (this) {
      requests.add(r);
      if (status == 200) {
        String id =
            r.header("webhook-id") != null
                ? r.header("webhook-id")
                : r.header("x-andon-notification-id");
        acceptedIds.add(id);
      }
    }
    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  private boolean verified(HttpExchange ex, String body) {
    if (github) {
      String got = ex.getRequestHeaders().getFirst("X-Hub-Signature-256");
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder("sha256=");
        for (byte b : mac.doFinal(body.getBytes(StandardCharsets.UTF_8))) {
          hex.append(String.format("%02x", b));
        }
        return hex.toString().equals(got);
      } catch (java.security.GeneralSecurityException e) {
        return false;
      }
    }
    String id = ex.getRequestHeaders().getFirst("webhook-id");
    String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
    String sigs = ex.getRequestHeaders().getFirst("webhook-signature");
    if (id == null || ts == null || sigs == null) {
      return false;
    }
    long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts));
    if (age > 300) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
      String expected =
          Base64.getEncoder()
              .encodeToString(
                  mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
      for (String s : sigs.split(" ")) {
        if (s.startsWith("v1,")
            && java.security.MessageDigest.isEqual(
                s.substring(3).getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII))) {
          return true;
        }
      }
      return false;
    } catch (java.security.GeneralSecurityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
