package io.andon.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends one attempt of a stored notification to its destination, or throws a {@link
 * DeliveryException} saying why not. Secrets are read from the environment here, at send time, and
 * never put in a message.
 */
public final class Senders {
  private final Env env;
  private final Clock clock;
  private static HttpClient http; // one per process, made on first use: building one loads TLS

  public Senders(Env env, Clock clock) {
    this.env = Objects.requireNonNull(env, "env");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** One attempt. */
  public void send(StoredNotification n, Destination d) {
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(d, "d");
    if (d instanceof Destination.Webhook w) {
      webhook(n, w);
    } else if (d instanceof Destination.Slack s) {
      ObjectNode body = Json.object();
      body.put("text", n.text());
      exchange(
          request(s.url().resolve(env), s.delivery().timeout(), Json.write(body))
              .header("x-andon-notification-id", n.id())
              .build(),
          s.url(),
          s);
    } else if (d instanceof Destination.Email e) {
      email(n, e);
    } else if (d instanceof Destination.File f) {
      file(n, f);
    }
  }

  private void webhook(StoredNotification n, Destination.Webhook w) {
    URI uri = w.url().resolve(env);
    String signature = null;
    long ts = clock.instant().getEpochSecond();
    if (w.secretEnv().isPresent()) {
      String name = w.secretEnv().get();
      String secret =
          env.get(name)
              .orElseThrow(
                  () ->
                      new DeliveryException(
                          "environment variable "
                              + name
                              + " (secret_env of destination '"
                              + w.id()
                              + "') is not set; export it with the"
                              + " signing secret, then run 'andon notifications retry'."));
      signature =
          w.signature() == Destination.Webhook.Signature.GITHUB
              ? WebhookSigner.signGithub(secret, n.body())
              : WebhookSigner.sign(secret, n.id(), ts, n.body());
    }
    HttpRequest.Builder b =
        request(uri, w.delivery().timeout(), n.body())
            .header("webhook-id", n.id())
            .header("webhook-timestamp", Long.toString(ts));
    if (signature != null) {
      b.header(
          w.signature() == Destination.Webhook.Signature.GITHUB
              ? "x-hub-signature-256"
              : "webhook-signature",
          signature);
    }
    exchange(b.build(), w.url(), w);
  }

  private static synchronized HttpClient http() {
    if (http == null) {
      http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .followRedirects(HttpClient.Redirect.NEVER)
              .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with webhook receivers
              .build();
    }
    return http;
  }

  private static HttpRequest.Builder request(URI uri, Duration timeout, String body) {
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("content-type", "application/json")
        .header("user-agent", "andon")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private void exchange(HttpRequest req, UrlRef ref, Destination d) {
    HttpResponse<String> resp;
    try {
      resp = http().send(req, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new DeliveryException(
          "no answer from "
              + ref.display()
              + " within "
              + seconds(d.delivery().timeout())
              + " (timeout_seconds of destination '"
              + d.id()
              + "')");
    } catch (ConnectException e) {
      throw new DeliveryException(
          "cannot connect to " + ref.display() + " (connection refused or" + " unreachable)");
    } catch (IOException e) {
      throw new DeliveryException(
          "sending to " + ref.display() + " failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted while sending to " + ref.display());
    }
    int code = resp.statusCode();
    if (code < 200 || code > 299) {
      String body = resp.body() == null ? "" : resp.body().strip().replaceAll("\\s+", " ");
      if (body.length() > 200) {
        body = body.substring(0, 200) + "...";
      }
      throw new DeliveryException(
          "HTTP " + code + " from " + ref.display() + (body.isEmpty() ? "" : ": " + body));
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private void email(StoredNotification n, Destination.Email e) {
    Destination.Smtp smtp = e.smtp();
    String password = null;
    if (smtp.passwordEnv().isPresent()) {
      String name = smtp.passwordEnv().get();
      password =
          env.get(name)
              .orElseThrow(
                  () ->
                      new DeliveryException(
                          "environment variable "
                              + name
                              + " (password_env of destination '"
                              + e.id()
                              + "') is not set; export it, then"
                              + " run 'andon notifications retry'."));
    }
    long timeout = e.delivery().timeout().toMillis();
    Properties p = new Properties();
    p.put("mail.smtp.host", smtp.host());
    p.put("mail.smtp.port", Integer.toString(smtp.port()));
    p.put("mail.smtp.connectiontimeout", Long.toString(timeout));
    p.put("mail.smtp.timeout", Long.toString(timeout));
    p.put("mail.smtp.writetimeout", Long.toString(timeout));
    p.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
    if (smtp.security() == Destination.Smtp.Security.STARTTLS) {
      p.put("mail.smtp.starttls.enable", "true");
      p.put("mail.smtp.starttls.required", "true");
    } else if (smtp.security() == Destination.Smtp.Security.TLS) {
      p.put("mail.smtp.ssl.enable", "true");
    }
    p.put("mail.smtp.ssl.checkserveridentity", "true");
    Session session = Session.getInstance(p);
    try {
      MimeMessage m =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
              setHeader("Message-ID", "<" + n.id() + "@andon>");
            }
          };
      m.setFrom(new InternetAddress(smtp.from()));
      for (String to : e.to()) {
        m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
      }
      m.setSubject(n.subject(), "UTF-8");
      m.setText(n.text() + "\n\n-- \nandon notification " + n.id() + "\n", "UTF-8");
      m.setSentDate(Date.from(clock.instant()));
      m.setHeader("X-Andon-Notification-Id", n.id());
      m.setHeader("X-Andon-Event", n.event());
      if (smtp.username().isPresent()) {
        Transport.send(m, smtp.username().get(), password == null ? "" : password);
      } else {
        Transport.send(m);
      }
    } catch (MessagingException ex) {
      String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      if (password != null && !password.isEmpty()) {
        why = why.replace(password, "***");
      }
      throw new DeliveryException(
          "SMTP "
              + smtp.host()
              + ":"
              + smtp.port()
              + " refused the"
              + " e-mail: "
              + why.lines().findFirst().orElse(why).strip());
    }
  }

  // "try": the file lock is held for the try block's extent on purpose, without being read
  @SuppressWarnings("try")
  private static void file(StoredNotification n, Destination.File f) {
    Path path = f.path();
    ObjectNode line = Json.object();
    line.put("id", n.id());
    line.put("destination", f.id());
    line.set("notification", readTree(n.body()));
    byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (FileChannel ch =
              FileChannel.open(
                  path,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = ch.lock()) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(false);
      }
    } catch (IOException e) {
      throw new DeliveryException(
          "cannot append to "
              + path
              + ": "
              + e.getMessage()
              + ". Check that the folder exists and is writable.");
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return Json.read(json);
    } catch (IOException e) {
      throw new IllegalStateException("stored notification body is not JSON", e);
    }
  }
}
