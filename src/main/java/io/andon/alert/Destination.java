package io.andon.alert;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where notifications go, declared once by id ({@code destinations: {ops_hook: {type: webhook,
 * ...}}}) and referred to by that id. Holds no secret: only the names of the environment variables
 * that hold them.
 */
public sealed interface Destination {
  /** The id the destination is declared under. */
  String id();

  /** The YAML {@code type}: webhook, slack, email or file. */
  String type();

  /** Retry schedule and per-attempt timeout. */
  Delivery delivery();

  /** A one-line description for people, with no secret in it. */
  String display();

  /** How hard to try. */
  record Delivery(RetrySchedule schedule, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Delivery DEFAULT =
        new Delivery(RetrySchedule.STANDARD_WEBHOOKS, DEFAULT_TIMEOUT);

    public Delivery {
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
    }
  }

  /**
   * A generic JSON webhook following the Standard Webhooks convention: headers webhook-id,
   * webhook-timestamp and, with a secret, webhook-signature (HMAC-SHA256).
   *
   * @param secretEnv the environment variable holding the {@code whsec_...} signing secret
   */
  record Webhook(
      String id, UrlRef url, Optional<String> secretEnv, Signature signature, Delivery delivery)
      implements Destination {
    /** How the body is signed when there is a secret. */
    public enum Signature {
      /** {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, whsec_ key. */
      STANDARD,
      /** GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of body>}, raw key. */
      GITHUB
    }

    public Webhook {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(secretEnv, "secretEnv");
      Objects.requireNonNull(signature, "signature");
      Objects.requireNonNull(delivery, "delivery");
    }

    /** A Standard Webhooks endpoint. */
    public Webhook(String id, UrlRef url, Optional<String> secretEnv, Delivery delivery) {
      this(id, url, secretEnv, Signature.STANDARD, delivery);
    }

    @Override
    public String type() {
      return "webhook";
    }

    @Override
    public String display() {
      return "webhook "
          + url.display()
          + secretEnv
              .map(s -> " (" + signature.name().toLowerCase() + " signature with $" + s + ")")
              .orElse("");
    }
  }

  /** A Slack-compatible incoming webhook: POST {@code {"text": ...}}. */
  record Slack(String id, UrlRef url, Delivery delivery) implements Destination {
    public Slack {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String type() {
      return "slack";
    }

    @Override
    public String display() {
      return "slack " + url.display();
    }
  }

  /** E-mail through an SMTP server. */
  record Email(String id, List<String> to, Smtp smtp, Delivery delivery) implements Destination {
    public Email {
      Objects.requireNonNull(id, "id");
      to = List.copyOf(to);
      if (to.isEmpty()) {
        throw new IllegalArgumentException("an e-mail destination needs at least one recipient");
      }
      Objects.requireNonNull(smtp, "smtp");
      Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String type() {
      return "email";
    }

    @Override
    public String display() {
      return "email to " + String.join(", ", to) + " via " + smtp.host() + ":" + smtp.port();
    }

    /** The same server, other recipients. */
    public Email withRecipients(List<String> recipients) {
      return new Email(id, recipients, smtp, delivery);
    }
  }

  /** How to reach an SMTP server; the password comes from {@code passwordEnv}. */
  record Smtp(
      String host,
      int port,
      String from,
      Optional<String> username,
      Optional<String> passwordEnv,
      Security security) {
    /** Transport security. */
    public enum Security {
      NONE,
      STARTTLS,
      TLS
    }

    public Smtp {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(passwordEnv, "passwordEnv");
      Objects.requireNonNull(security, "security");
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1-65535: " + port);
      }
    }
  }

  /** Appends one JSON line per notification to a local file, for air-gapped sites. */
  record File(String id, Path path, Delivery delivery) implements Destination {
    public File {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(delivery, "delivery");
    }

    @Override
    public String type() {
      return "file";
    }

    @Override
    public String display() {
      return "file " + path;
    }
  }
}
