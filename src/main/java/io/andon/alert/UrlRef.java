package io.andon.alert;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The address of an HTTP destination: written in the YAML ({@code url:}) or, when the URL itself is
 * a secret (Slack's are), named by an environment variable ({@code url_env:}).
 */
public record UrlRef(Optional<URI> literal, Optional<String> env) {
  public UrlRef {
    Objects.requireNonNull(literal, "literal");
    Objects.requireNonNull(env, "env");
    if (literal.isPresent() == env.isPresent()) {
      throw new IllegalArgumentException("give exactly one of a URL and an environment variable");
    }
  }

  public static UrlRef of(URI uri) {
    return new UrlRef(Optional.of(uri), Optional.empty());
  }

  public static UrlRef fromEnv(String name) {
    return new UrlRef(Optional.empty(), Optional.of(name));
  }

  /** The URL to send to now; fails with a message naming the variable when it is unset or bad. */
  public URI resolve(Env environment) {
    if (literal.isPresent()) {
      return literal.get();
    }
    String name = env.get();
    String value =
        environment
            .get(name)
            .orElseThrow(
                () ->
                    new DeliveryException(
                        "environment variable "
                            + name
                            + " (url_env) is not set; export it with the URL."));
    String problem = checkUrl(value);
    if (problem != null) {
      throw new DeliveryException("environment variable " + name + " (url_env) " + problem);
    }
    return URI.create(value.strip());
  }

  /** How the address is shown to people: never the path or query, which may hold a token. */
  public String display() {
    if (env.isPresent()) {
      return "$" + env.get();
    }
    URI u = literal.get();
    return u.getScheme()
        + "://"
        + u.getHost()
        + (u.getPort() >= 0 ? ":" + u.getPort() : "")
        + (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/")
            ? ""
            : "/...");
  }

  /** Null when {@code text} is an absolute http(s) URL with a host, else what is wrong. */
  static String checkUrl(String text) {
    URI u;
    try {
      u = new URI(text.strip());
    } catch (java.net.URISyntaxException e) {
      return "is not a valid URL ("
          + e.getReason()
          + " at index "
          + e.getIndex()
          + "); write it as https://host/path.";
    }
    if (u.getScheme() == null
        || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
      return "must start with https:// or http://.";
    }
    if (u.getHost() == null || u.getHost().isBlank()) {
      return "has no host; write it as https://host/path.";
    }
    return null;
  }
}
