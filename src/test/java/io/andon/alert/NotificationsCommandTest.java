package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.cli.AndonCli;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotificationsCommandTest {
  @TempDir Path home;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int andon(String... args) {
    CommandLine cl = AndonCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static Destination hook(String id, Receiver r) {
    return new Destination.Webhook(
        id,
        UrlRef.of(r.url("/hook")),
        Optional.empty(),
        new Destination.Delivery(RetrySchedule.ofMillis(0, 5_000, 5_000), Duration.ofSeconds(5)));
  }

  @Test
  void aReceiverDownWhileAndonExitsGetsEveryNotificationOnceFromTheNextRetry() throws Exception {
    Receiver first = Receiver.accepting();
    int port = first.port();
    first.close(); // the receiver is down while andon runs and exits
    Notification a = OutboxTest.note("run 1 failed", "ops");
    Notification b = OutboxTest.note("run 2 failed", "ops");
    try (Store store = Store.open(home)) {
      Outbox outbox =
          new Outbox(
              store,
              new Senders(Env.of(Map.of()), Clock.systemUTC()),
              Clock.systemUTC(),
              d -> Thread.sleep(d.toMillis()));
      outbox.enqueue(a, hook("ops", first));
      outbox.enqueue(b, hook("ops", first));
      Outbox.Report r = outbox.drain(Duration.ofMillis(200)); // what 'andon run' does at exit
      assertThat(r.delivered()).isZero();
      assertThat(r.retrying()).isEqualTo(1); // the second waits: its destination just failed
    }

    assertThat(andon("notifications", "list", "--home", home.toString())).isZero();
    assertThat(out.toString()).contains(a.id()).contains("PENDING").contains("cannot connect to");

    try (Receiver back = Receiver.onPort(port)) {
      out.getBuffer().setLength(0);
      assertThat(andon("notifications", "retry", "--home", home.toString())).isZero();
      assertThat(out.toString())
          .contains("2 attempts, 2 delivered; left in the outbox: 0" + " pending, 0 failed.");
      assertThat(back.acceptedIds()).containsExactlyInAnyOrder(a.id(), b.id());
      assertThat(back.requests()).hasSize(2);

      out.getBuffer().setLength(0);
      assertThat(andon("notifications", "retry", "--home", home.toString())).isZero();
      assertThat(back.requests()).hasSize(2); // delivered ones are never sent again
    }

    out.getBuffer().setLength(0);
    assertThat(andon("notifications", "list", "--json", "--home", home.toString())).isZero();
    JsonNode list = Json.read(out.toString());
    assertThat(list).hasSize(2);
    assertThat(list).extracting(n -> n.get("attempts").asInt()).containsExactlyInAnyOrder(1, 2);
    for (JsonNode n : list) {
      assertThat(n.get("state").asText()).isEqualTo("DELIVERED");
      assertThat(n.get("destination").asText()).isEqualTo("ops");
      assertThat(n.get("event").asText()).isEqualTo("run.failed");
      assertThat(n.get("delivered_at").isNull()).isFalse();
    }
  }

  @Test
  void retryExitsOneAndSaysWhyWhileTheReceiverIsStillDown() throws Exception {
    Receiver gone = Receiver.accepting();
    gone.close();
    Notification a = OutboxTest.note("run 3 failed", "ops");
    try (Store store = Store.open(home)) {
      Outbox.open(store).enqueue(a, hook("ops", gone));
    }
    assertThat(andon("notifications", "retry", "--home", home.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(
            "andon: "
                + a.id()
                + " to 'ops' (attempt 1): cannot"
                + " connect to http://127.0.0.1:"
                + gone.port()
                + "/...");
    assertThat(out.toString()).contains("left in the outbox: 1 pending, 0 failed.");

    assertThat(andon("notifications", "list", "--state", "failed", "--home", home.toString()))
        .isZero();
    assertThat(out.toString()).contains("No notifications in state FAILED.");
  }

  @Test
  void unknownIdsAndBadFlagsExitTwoWithAMessage() {
    assertThat(andon("notifications", "retry", "--id", "msg_nope", "--home", home.toString()))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("andon: no notification with id msg_nope; see 'andon" + " notifications list'.");
    assertThat(andon("notifications", "list", "--limit", "0", "--home", home.toString()))
        .isEqualTo(2);
    assertThat(andon("notifications", "list", "--home", home.toString())).isZero();
    assertThat(out.toString()).contains("No notifications.");
  }
}
