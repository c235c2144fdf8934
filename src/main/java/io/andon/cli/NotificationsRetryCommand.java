package io.andon.cli;

import io.andon.alert.Outbox;
import io.andon.alert.StoredNotification;
import io.andon.error.InvalidInputException;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code andon notifications retry}: re-drives what is pending or failed, now. */
@Command(
    name = "retry",
    description =
        "Try again, now, every notification that is PENDING or"
            + " FAILED (or only --id). Exit 0 when all of them were delivered, 1 when some still fail.")
public final class NotificationsRetryCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--id", paramLabel = "ID", description = "Only this notification.")
  String id;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description =
          "Keep retrying, on each destination's schedule, for up to SECONDS"
              + " (default ${DEFAULT-VALUE}: one attempt each).")
  long waitSeconds;

  @Override
  public Integer call() {
    if (waitSeconds < 0) {
      throw new InvalidInputException("--wait must be 0 or more seconds, not " + waitSeconds + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Store store = Store.open(common.home())) {
      Outbox outbox = Outbox.open(store);
      if (id != null && outbox.get(id).isEmpty()) {
        throw new InvalidInputException(
            "no notification with id " + id + "; see 'andon notifications list'.");
      }
      Outbox.Report r = outbox.retryNow(Optional.ofNullable(id));
      int attempted = r.attempted();
      int delivered = r.delivered();
      List<String> errors = new ArrayList<>(r.errors());
      if (waitSeconds > 0) {
        Outbox.Report more = outbox.drain(Duration.ofSeconds(waitSeconds));
        attempted += more.attempted();
        delivered += more.delivered();
        errors.addAll(more.errors());
      }
      for (String e : errors) {
        err.println("andon: " + e);
      }
      List<StoredNotification> left =
          outbox.list(Optional.empty(), Integer.MAX_VALUE).stream()
              .filter(n -> n.state() != StoredNotification.State.DELIVERED)
              .filter(n -> id == null || n.id().equals(id))
              .toList();
      long pending =
          left.stream().filter(n -> n.state() == StoredNotification.State.PENDING).count();
      out.printf(
          "%d attempts, %d delivered; left in the outbox: %d pending, %d failed.%n",
          attempted, delivered, pending, left.size() - pending);
      err.flush();
      out.flush();
      return left.isEmpty() ? 0 : 1;
    }
  }
}
