package io.andon.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.alert.Outbox;
import io.andon.store.Store;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts page's data: real rules evaluated over a real store, real deliveries. */
class AlertsTest {
  @TempDir Path dir;
  Store store;
  AlertsFixture fixture;

  @BeforeEach
  void evaluate() {
    store = Store.open(dir.resolve("home"));
    fixture = new AlertsFixture();
    fixture.evaluate(dir, store);
  }

  @AfterEach
  void close() {
    fixture.close();
    store.close();
  }

  @Test
  void eachRuleShowsItsStateAndItsEvaluationsNewestFirst() {
    AlertsView v = new Alerts(store).read(Optional.empty());
    assertThat(v.rules())
        .extracting(AlertsView.Rule::name)
        .containsExactly("failed_runs", "slow_tasks");
    AlertsView.Rule failed = v.rules().get(0);
    assertThat(failed.state()).isEqualTo("TRIGGERED");
    assertThat(failed.value()).contains("0");
    assertThat(failed.history()).hasSize(2);
    assertThat(failed.history().get(1).notified()).isTrue();
    assertThat(failed.history().get(0).notified()).isFalse();
    assertThat(v.rules().get(1).state()).isEqualTo("OK");
  }

  @Test
  void theOutboxShowsDeliveredPendingAndFailedNotificationsWithTheirAttempts() {
    AlertsView v = new Alerts(store).read(Optional.empty());
    assertThat(v.counts()).isEqualTo(new AlertsView.Counts(1, 1, 1));
    AlertsView.Delivery failed = delivery(v, "ops_hook");
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.retryable()).isTrue();
    assertThat(failed.attempts())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.ok()).isFalse();
              assertThat(a.error().orElseThrow()).contains("503");
            });
    assertThat(delivery(v, "later_hook").nextAttempt()).isPresent();
    assertThat(delivery(v, "audit").retryable()).isFalse();
    assertThat(new Alerts(store).read(Optional.of("FAILED")).deliveries()).hasSize(1);
  }

  @Test
  void aRetriedNotificationIsDeliveredAndKeepsEveryAttempt() {
    fixture.accept();
    String id = delivery(new Alerts(store).read(Optional.empty()), "ops_hook").id();
    Outbox.open(store).retryNow(Optional.of(id));
    AlertsView.Delivery d = delivery(new Alerts(store).read(Optional.empty()), "ops_hook");
    assertThat(d.state()).isEqualTo("DELIVERED");
    assertThat(d.attempts()).extracting(AlertsView.Attempt::ok).containsExactly(false, true);
  }

  private static AlertsView.Delivery delivery(AlertsView v, String destination) {
    return v.deliveries().stream()
        .filter(d -> d.destination().equals(destination))
        .findFirst()
        .orElseThrow();
  }
}
