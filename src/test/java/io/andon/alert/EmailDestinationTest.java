package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.andon.store.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EmailDestinationTest {
  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("andon", "s3cret-pw"));

  @TempDir Path home;

  private Destination.Email oncall(String passwordEnv) {
    return new Destination.Email(
        "oncall",
        List.of("oncall@example.com", "ops@example.com"),
        new Destination.Smtp(
            "127.0.0.1",
            SMTP.getSmtp().getPort(),
            "andon@example.com",
            Optional.of("andon"),
            Optional.of(passwordEnv),
            Destination.Smtp.Security.NONE),
        new Destination.Delivery(RetrySchedule.ofMillis(0, 60_000), Duration.ofSeconds(5)));
  }

  @Test
  void anEmailReachesEveryRecipientWithTheNotificationIdAsMessageId() throws Exception {
    Env env = Env.of(Map.of("SMTP_PASSWORD", "s3cret-pw"));
    try (Store store = Store.open(home)) {
      Outbox outbox =
          new Outbox(
              store,
              new Senders(env, Clock.systemUTC()),
              Clock.systemUTC(),
              d -> Thread.sleep(d.toMillis()));
      Notification n = OutboxTest.note("run 12 failed é", "oncall");
      outbox.enqueue(n, oncall("SMTP_PASSWORD"));

      assertThat(outbox.deliverDue().delivered()).isEqualTo(1);

      assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
      MimeMessage[] got = SMTP.getReceivedMessages();
      assertThat(got).hasSize(2);
      assertThat(got[0].getSubject()).isEqualTo("nightly run 12 FAILED");
      assertThat(got[0].getMessageID()).isEqualTo("<" + n.id() + "@andon>");
      assertThat(got[0].getHeader("X-Andon-Event")[0]).isEqualTo("run.failed");
      assertThat(GreenMailUtil.getBody(got[0]))
          .contains("task train FAILED: exit 1")
          .contains(n.id());
      assertThat(got)
          .extracting(m -> GreenMailUtil.getAddressList(m.getAllRecipients()))
          .containsOnly("oncall@example.com, ops@example.com");
    }
  }

  @Test
  void aRefusedLoginStaysPendingAndItsErrorHoldsNoPassword() {
    Env env = Env.of(Map.of("SMTP_PASSWORD", "wrong-password-123"));
    try (Store store = Store.open(home)) {
      Outbox outbox =
          new Outbox(
              store,
              new Senders(env, Clock.systemUTC()),
              Clock.systemUTC(),
              d -> Thread.sleep(d.toMillis()));
      Notification n = OutboxTest.note("run 13 failed", "oncall");
      outbox.enqueue(n, oncall("SMTP_PASSWORD"));

      Outbox.Report r = outbox.deliverDue();

      assertThat(r.retrying()).isEqualTo(1);
      assertThat(r.errors().get(0))
          .contains("SMTP 127.0.0.1:" + SMTP.getSmtp().getPort())
          .doesNotContain("wrong-password-123");
      assertThat(SMTP.getReceivedMessages()).isEmpty();
      assertThat(outbox.get(n.id()).orElseThrow().state())
          .isEqualTo(StoredNotification.State.PENDING);
    }
  }

  @Test
  void anUnsetPasswordVariableFailsTheAttemptNamingTheVariable() {
    try (Store store = Store.open(home)) {
      Outbox outbox =
          new Outbox(
              store,
              new Senders(Env.of(Map.of()), Clock.systemUTC()),
              Clock.systemUTC(),
              d -> Thread.sleep(d.toMillis()));
      outbox.enqueue(OutboxTest.note("run 14 failed", "oncall"), oncall("SMTP_PASSWORD"));
      assertThat(outbox.deliverDue().errors().get(0))
          .contains(
              "environment variable SMTP_PASSWORD (password_env of destination 'oncall')"
                  + " is not set");
    }
  }
}
