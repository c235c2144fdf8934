package io.andon.ui;

import io.andon.alert.Outbox;
import io.andon.alert.StoredNotification;
import io.andon.ui.results.Alerts;
import io.andon.ui.results.AlertsView;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The alerts page at {@code /alerts}: every alert rule evaluated in this home with its state and
 * latest evaluations, and the notification outbox (delivered, pending and failed, each with its
 * attempts), filtered by state with {@code ?state=}. A pending or failed notification has a retry
 * button, an action that sends it now through {@link Outbox#retryNow}.
 */
public final class AlertsPage {
  /** The page's model, and the state the outbox is filtered by. */
  public record Model(AlertsView view, Optional<String> state, Optional<String> notice) {
    public String at(Instant i) {
      return Texts.at(i);
    }

    /** The mark of an alert or delivery state: colour, icon and word. */
    public StateMark mark(String state) {
      return switch (state) {
        case "OK" -> new StateMark("success", "✓", "OK");
        case "TRIGGERED" -> new StateMark("failed", "!", "Triggered");
        case "ERROR" -> new StateMark("failed", "✗", "Error");
        case "DELIVERED" -> new StateMark("success", "✓", "Delivered");
        case "PENDING" -> new StateMark("pending", "◷", "Pending");
        case "FAILED" -> new StateMark("failed", "✗", "Failed");
        default -> new StateMark("none", "?", state.toLowerCase(Locale.ROOT));
      };
    }
  }

  private final WebUi.Setup setup;
  private final Alerts alerts;

  AlertsPage(WebUi.Setup setup) {
    this.setup = setup;
    this.alerts = new Alerts(setup.store());
  }

  void routes(UiRoutes routes) {
    routes.page("/alerts", this::page).action("/alerts/notifications/{id}/retry", this::retry);
  }

  private UiResponse page(UiRequest r) {
    Optional<String> state = r.queryParam("state").filter(s -> !s.isEmpty());
    if (state.isPresent()) {
      try {
        StoredNotification.State.valueOf(state.get());
      } catch (IllegalArgumentException e) {
        throw UiException.invalid(
            "state must be PENDING, DELIVERED or FAILED, not '" + state.get() + "'.");
      }
    }
    Optional<String> notice =
        r.queryParam("retried").map(id -> "Notification " + id + " was sent again.");
    Chrome chrome =
        new Chrome("Alerts", Chrome.Section.ALERTS, r.visitor(), setup.readsNeedToken());
    return Views.page("alerts.jte", chrome, new Model(alerts.read(state), state, notice));
  }

  private UiResponse retry(UiRequest r) {
    String id = r.param("id");
    Outbox outbox = Outbox.open(setup.store());
    StoredNotification n =
        outbox
            .get(id)
            .orElseThrow(
                () -> UiException.notFound("there is no notification " + id + " in the outbox."));
    if (n.state() == StoredNotification.State.DELIVERED) {
      throw UiException.invalid(
          "notification " + id + " was delivered already; there is nothing to retry.");
    }
    outbox.retryNow(Optional.of(id));
    return new UiResponse.Redirect(
        "/alerts?retried=" + WebUi.encode(id) + "#n-" + WebUi.encode(id));
  }
}
