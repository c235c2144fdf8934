package io.andon.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.engine.RunListener.RunInfo;
import io.andon.util.Background;
import io.andon.util.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Puts the notification of one event into the outbox, once per destination of its hook, with the
 * run's data, and delivers what fell due on a background thread.
 */
final class OutboxNotifier {
  private final Outbox outbox;
  private final Clock clock;
  private final Consumer<Runnable> guard;
  private final ExecutorService sender =
      Executors.newSingleThreadExecutor(Background.daemons("andon-notify"));

  /**
   * @param guard runs a background delivery, saying what went wrong instead of throwing
   */
  OutboxNotifier(Outbox outbox, Clock clock, Consumer<Runnable> guard) {
    this.outbox = outbox;
    this.clock = clock;
    this.guard = guard;
  }

  /**
   * Notifies the destinations of {@code hook} under {@code n} of {@code event}, once per {@code
   * eventKey} (an event heard twice is notified once).
   *
   * @param taskKey the task the event is about, none for the run
   * @param extra the event's own data, beside the run's
   */
  void notify(
      Notifications n,
      Hook hook,
      String event,
      String eventKey,
      RunInfo run,
      Optional<String> taskKey,
      String subject,
      String text,
      ObjectNode extra) {
    List<Destination> targets = n.targets(hook);
    if (targets.isEmpty()) {
      return;
    }
    ObjectNode data = Json.object();
    data.put("hook", hook.key());
    data.put("job_name", run.jobName());
    data.put("job_file", run.jobFile());
    data.put("run_id", run.runId());
    data.put("repair_count", run.repairCount());
    data.put("start_time", run.startTime().toString());
    ObjectNode params = data.putObject("parameters");
    run.parameters().forEach(params::put);
    data.setAll(extra);
    String source =
        "job " + run.jobName() + " run " + run.runId() + taskKey.map(k -> " task " + k).orElse("");
    Instant now = clock.instant();
    boolean any = false;
    for (Destination d : targets) {
      any |=
          outbox.enqueue(
              new Notification(
                  Notification.idFor(eventKey, d.id()),
                  d.id(),
                  event,
                  source,
                  "andon: " + subject,
                  text,
                  data,
                  now),
              d);
    }
    if (any) {
      sender.execute(() -> guard.accept(outbox::deliverDue));
    }
  }

  /**
   * Waits for background sends, then keeps delivering what falls due within {@code budget}; what
   * still fails stays in the outbox.
   */
  Outbox.Report finish(Duration budget) {
    sender.shutdown();
    try {
      sender.awaitTermination(budget.toMillis() + 60_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return outbox.drain(budget);
  }
}
