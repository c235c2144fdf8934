package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
  static final String SECRET = DestinationsTest.SECRET;
  static final Env ENV = Env.of(Map.of("OPS_SECRET", SECRET));
  static final Destination.Delivery FAST =
      new Destination.Delivery(RetrySchedule.ofMillis(0, 20, 40, 60), Duration.ofSeconds(5));

  @TempDir Path home;
  Store store;
  Outbox outbox;
  final List<Receiver> receivers = new ArrayList<>();

  @BeforeEach
  void open() {
    store = Store.open(home);
    outbox =
        new Outbox(
            store,
            new Senders(ENV, Clock.systemUTC()),
            Clock.systemUTC(),
            d -> Thread.sleep(d.toMillis()));
  }

  @AfterEach
  void close() {
    receivers.forEach(Receiver::close);
    store.close();
  }

  private Receiver keep(Receiver r) {
    receivers.add(r);
    return r;
  }

  static Notification note(String eventKey, String destinationId) {
    return new Notification(
        Notification.idFor(eventKey, destinationId),
        destinationId,
        "run.failed",
        "job nightly run 12",
        "nightly run 12 FAILED",
        "task train FAILED: exit 1",
        Json.object().put("job_name", "nightly").put("run_id", 12),
        Instant.now());
  }

  @Test
  void signedWebhookIsVerifiedByTheReceiver() throws Exception {
    Receiver r = keep(Receiver.verifying(SECRET));
    Destination d =
        new Destination.Webhook("ops", UrlRef.of(r.url("/hook")), Optional.of("OPS_SECRET"), FAST);
    Notification n = note("run 12 failed", "ops");
    assertThat(outbox.enqueue(n, d)).isTrue();

    Outbox.Report report = outbox.drain(Duration.ofSeconds(5));

    assertThat(report.delivered()).isEqualTo(1);
    assertThat(r.requests()).hasSize(1);
    Receiver.Request req = r.requests().get(0);
    assertThat(req.status()).isEqualTo(200);
    assertThat(req.header("webhook-id")).isEqualTo(n.id());
    assertThat(req.header("webhook-signature")).startsWith("v1,");
    assertThat(req.header("content-type")).isEqualTo("application/json");
    JsonNode body = Json.read(req.body());
    assertThat(body.get("type").asText()).isEqualTo("run.failed");
    assertThat(body.get("data").get("run_id").asInt()).isEqualTo(12);
    assertThat(body.get("data").get("id").asText()).isEqualTo(n.id());
    assertThat(outbox.get(n.id()).orElseThrow().state())
        .isEqualTo(StoredNotification.State.DELIVERED);
  }

  @Test
  void aGithubStyleReceiverVerifiesXHubSignature256() throws Exception {
    Receiver r = keep(Receiver.verifyingGithub("plain github secret"));
    Outbox o =
        new Outbox(
            store,
            new Senders(Env.of(Map.of("GH_SECRET", "plain github secret")), Clock.systemUTC()),
            Clock.systemUTC(),
            x -> Thread.sleep(x.toMillis()));
    Destination d =
        new Destination.Webhook(
            "gh",
            UrlRef.of(r.url("/payload")),
            Optional.of("GH_SECRET"),
            Destination.Webhook.Signature.GITHUB,
            FAST);
    o.enqueue(note("run 22 failed", "gh"), d);
    assertThat(o.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(1);
    assertThat(r.requests().get(0).header("X-Hub-Signature-256")).startsWith("sha256=");
    assertThat(r.requests().get(0).header("webhook-signature")).isNull();
  }

  @Test
  void aWrongSecretIsRejectedByTheVerifyingReceiverAndTheNotificationStaysPending()
      throws Exception {
    Receiver r =
        keep(
            Receiver.verifying(
                "whsec_"
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            "another-key-of-24-bytes!".getBytes(StandardCharsets.UTF_8))));
    Destination d =
        new Destination.Webhook(
            "ops",
            UrlRef.of(r.url("/hook")),
            Optional.of("OPS_SECRET"),
            new Destination.Delivery(RetrySchedule.ofMillis(0, 60_000), Duration.ofSeconds(5)));
    Notification n = note("run 13 failed", "ops");
    outbox.enqueue(n, d);

    Outbox.Report report = outbox.deliverDue();

    assertThat(report.retrying()).isEqualTo(1);
    assertThat(report.errors().get(0))
        .contains("HTTP 401 from http://127.0.0.1:" + r.port() + "/...: bad signature");
    StoredNotification s = outbox.get(n.id()).orElseThrow();
    assertThat(s.state()).isEqualTo(StoredNotification.State.PENDING);
    assertThat(s.attempts()).isEqualTo(1);
    assertThat(s.nextAttemptAt().orElseThrow()).isAfter(Instant.now().plusSeconds(50));
  }

  @Test
  void aReceiverFailingThreeTimesGetsTheSameIdAndBodyOnEveryTryUntilItAccepts() throws Exception {
    Receiver r = keep(Receiver.failingFirst(3));
    Destination d =
        new Destination.Webhook("ops", UrlRef.of(r.url("/hook")), Optional.empty(), FAST);
    Notification n = note("run 14 failed", "ops");
    outbox.enqueue(n, d);

    Outbox.Report report = outbox.drain(Duration.ofSeconds(5));

    assertThat(report.attempted()).isEqualTo(4);
    assertThat(report.delivered()).isEqualTo(1);
    assertThat(r.requests())
        .extracting(Receiver.Request::status)
        .containsExactly(503, 503, 503, 200);
    assertThat(r.requests()).extracting(q -> q.header("webhook-id")).containsOnly(n.id());
    assertThat(r.requests()).extracting(Receiver.Request::body).containsOnly(n.body());
    assertThat(r.acceptedIds()).containsExactly(n.id());
    StoredNotification s = outbox.get(n.id()).orElseThrow();
    assertThat(s.state()).isEqualTo(StoredNotification.State.DELIVERED);
    assertThat(s.attempts()).isEqualTo(4);
  }

  @Test
  void whenTheScheduleIsSpentTheNotificationIsFailedAndRetryRedrivesIt() throws Exception {
    Receiver r = keep(Receiver.failingFirst(4));
    Destination d =
        new Destination.Webhook("ops", UrlRef.of(r.url("/hook")), Optional.empty(), FAST);
    Notification n = note("run 15 failed", "ops");
    outbox.enqueue(n, d);

    Outbox.Report report = outbox.drain(Duration.ofSeconds(5));

    assertThat(report.failed()).isEqualTo(1);
    StoredNotification s = outbox.get(n.id()).orElseThrow();
    assertThat(s.state()).isEqualTo(StoredNotification.State.FAILED);
    assertThat(s.attempts()).isEqualTo(4);
    assertThat(s.nextAttemptAt()).isEmpty();
    assertThat(s.lastError().orElseThrow()).contains("HTTP 503");

    Outbox.Report again = outbox.retryNow(Optional.empty());

    assertThat(again.delivered()).isEqualTo(1);
    assertThat(outbox.get(n.id()).orElseThrow().attempts()).isEqualTo(5);
    assertThat(r.acceptedIds()).containsExactly(n.id());
  }

  @Test
  void theSameEventIsWrittenOnceEvenWhenReportedTwice() throws Exception {
    Receiver r = keep(Receiver.accepting());
    Destination d = new Destination.Webhook("ops", UrlRef.of(r.url("/")), Optional.empty(), FAST);
    assertThat(outbox.enqueue(note("run 16 failed", "ops"), d)).isTrue();
    assertThat(outbox.enqueue(note("run 16 failed", "ops"), d)).isFalse();
    outbox.drain(Duration.ofSeconds(5));
    assertThat(outbox.enqueue(note("run 16 failed", "ops"), d)).isFalse();
    outbox.drain(Duration.ofSeconds(5));
    assertThat(r.requests()).hasSize(1);
  }

  @Test
  void deliverySurvivesARestartOfAndon() throws Exception {
    Receiver r = keep(Receiver.accepting());
    int port = r.port();
    r.close();
    Destination d =
        new Destination.Webhook("ops", UrlRef.of(r.url("/hook")), Optional.of("OPS_SECRET"), FAST);
    Notification n = note("run 17 failed", "ops");
    outbox.enqueue(n, d);
    assertThat(outbox.deliverDue().errors().get(0))
        .contains("cannot connect to http://127.0.0.1:" + port);
    store.close();

    try (Receiver back = Receiver.onPort(port);
        Store reopened = Store.open(home)) {
      Outbox later =
          new Outbox(
              reopened,
              new Senders(ENV, Clock.systemUTC()),
              Clock.systemUTC(),
              x -> Thread.sleep(x.toMillis()));
      Outbox.Report report = later.drain(Duration.ofSeconds(5));
      assertThat(report.delivered()).isEqualTo(1);
      assertThat(back.acceptedIds()).containsExactly(n.id());
      assertThat(back.requests().get(0).header("webhook-signature")).startsWith("v1,");
    }
    store = Store.open(home);
  }

  @Test
  void aSlowReceiverCountsAsAFailedAttemptAfterTheTimeout() throws Exception {
    Receiver r = keep(Receiver.slow(1500));
    Destination d =
        new Destination.Webhook(
            "ops",
            UrlRef.of(r.url("/")),
            Optional.empty(),
            new Destination.Delivery(RetrySchedule.ofMillis(0, 60_000), Duration.ofMillis(300)));
    outbox.enqueue(note("run 18 failed", "ops"), d);
    long t0 = System.nanoTime();
    Outbox.Report report = outbox.deliverDue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1400));
    assertThat(report.errors().get(0))
        .contains("no answer from http://127.0.0.1:" + r.port() + " within 300 ms");
  }

  @Test
  void slackReceivesTextAndTheFileDestinationAppendsOneJsonLinePerNotification() throws Exception {
    Receiver r = keep(Receiver.accepting());
    Destination slack = new Destination.Slack("team", UrlRef.of(r.url("/services/T/B/x")), FAST);
    Path file = home.resolve("audit/notifications.jsonl");
    Destination audit = new Destination.File("audit", file, FAST);
    outbox.enqueue(note("run 19 failed", "team"), slack);
    outbox.enqueue(note("run 19 failed", "audit"), audit);
    outbox.enqueue(note("run 20 failed", "audit"), audit);

    assertThat(outbox.drain(Duration.ofSeconds(5)).delivered()).isEqualTo(3);

    assertThat(Json.read(r.requests().get(0).body()))
        .isEqualTo(Json.object().put("text", "task train FAILED: exit 1"));
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    List<JsonNode> parsed = new ArrayList<>();
    for (String line : lines) {
      parsed.add(Json.read(line));
    }
    assertThat(parsed)
        .extracting(j -> j.get("id").asText())
        .containsExactlyInAnyOrder(
            Notification.idFor("run 19 failed", "audit"),
            Notification.idFor("run 20 failed", "audit"));
    assertThat(parsed)
        .extracting(j -> j.get("notification").get("type").asText())
        .containsOnly("run.failed");
  }

  @Test
  void secretsNeverReachTheStoreOrTheErrors() throws Exception {
    Receiver ok = keep(Receiver.verifying(SECRET));
    Receiver bad = keep(Receiver.failingFirst(100));
    Env env =
        Env.of(
            Map.of(
                "OPS_SECRET",
                SECRET,
                "HOOK_URL",
                "http://127.0.0.1:" + bad.port() + "/secret-token-path"));
    Outbox o =
        new Outbox(
            store,
            new Senders(env, Clock.systemUTC()),
            Clock.systemUTC(),
            x -> Thread.sleep(x.toMillis()));
    o.enqueue(
        note("run 21", "ops"),
        new Destination.Webhook("ops", UrlRef.of(ok.url("/h")), Optional.of("OPS_SECRET"), FAST));
    o.enqueue(
        note("run 21", "hidden"),
        new Destination.Webhook(
            "hidden", UrlRef.fromEnv("HOOK_URL"), Optional.of("OPS_SECRET"), FAST));
    Outbox.Report report = o.drain(Duration.ofSeconds(5));
    assertThat(report.delivered()).isEqualTo(1);
    assertThat(String.join("\n", report.errors()))
        .contains("HTTP 503 from $HOOK_URL")
        .doesNotContain("secret-token-path");
    store.close();
    String key = SECRET.substring(6);
    try (Stream<Path> files = Files.list(home)) {
      for (Path f : files.toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as(f.toString()).doesNotContain(key).doesNotContain("secret-token-path");
      }
    }
    store = Store.open(home);
  }

  @Test
  void aDeadDestinationDoesNotHoldUpTheOthersInAPass() throws Exception {
    Receiver slow = keep(Receiver.slow(2000));
    Receiver ok = keep(Receiver.accepting());
    Destination.Delivery shortTimeout =
        new Destination.Delivery(RetrySchedule.ofMillis(0, 60_000), Duration.ofMillis(300));
    Destination dead =
        new Destination.Webhook("dead", UrlRef.of(slow.url("/")), Optional.empty(), shortTimeout);
    Destination live =
        new Destination.Webhook("live", UrlRef.of(ok.url("/")), Optional.empty(), shortTimeout);
    for (int i = 0; i < 5; i++) {
      outbox.enqueue(note("event " + i, "dead"), dead);
      outbox.enqueue(note("event " + i, "live"), live);
    }
    long t0 = System.nanoTime();
    Outbox.Report r = outbox.deliverDue();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1500));
    assertThat(r.attempted()).isEqualTo(6);
    assertThat(r.delivered()).isEqualTo(5);
    assertThat(ok.acceptedIds()).hasSize(5);
    List<StoredNotification> waiting =
        outbox.list(Optional.of(StoredNotification.State.PENDING), 100);
    assertThat(waiting).hasSize(5).allMatch(n -> n.destinationId().equals("dead"));
    assertThat(waiting)
        .extracting(StoredNotification::attempts)
        .containsExactlyInAnyOrder(1, 0, 0, 0, 0);
    assertThat(waiting)
        .allMatch(n -> n.nextAttemptAt().orElseThrow().isAfter(Instant.now().plusSeconds(50)));
  }

  @Test
  void theStandardWebhooksScheduleIsFollowedToTheSecond() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    Receiver r = keep(Receiver.failingFirst(7));
    Outbox o = new Outbox(store, new Senders(ENV, clock), clock, clock::advance);
    Destination d =
        new Destination.Webhook(
            "ops", UrlRef.of(r.url("/")), Optional.empty(), Destination.Delivery.DEFAULT);
    Notification n =
        new Notification(
            Notification.idFor("e", "ops"),
            "ops",
            "run.failed",
            "s",
            "subject",
            "text",
            Json.object(),
            clock.instant());
    o.enqueue(n, d);

    Outbox.Report report = o.drain(Duration.ofHours(30));

    assertThat(report.attempted()).isEqualTo(8);
    assertThat(report.delivered()).isEqualTo(1);
    List<Long> at =
        store.read(
            c -> {
              List<Long> out = new ArrayList<>();
              try (var rs =
                  c.createStatement()
                      .executeQuery("SELECT at FROM notification_attempts ORDER BY attempt")) {
                while (rs.next()) {
                  out.add(
                      (rs.getLong(1) - Instant.parse("2026-01-01T00:00:00Z").toEpochMilli())
                          / 1000);
                }
              }
              return out;
            });
    // immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after each failed attempt
    assertThat(at).containsExactly(0L, 5L, 305L, 2105L, 9305L, 27305L, 63305L, 99305L);
  }

  /** A clock the test moves; the outbox's sleeper advances it instead of waiting. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    synchronized void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
