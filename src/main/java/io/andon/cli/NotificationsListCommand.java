package io.andon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.alert.Outbox;
import io.andon.alert.StoredNotification;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code andon notifications list}: every notification with its delivery state. */
@Command(
    name = "list",
    description =
        "List notifications, newest first: id, destination, event,"
            + " state (PENDING, DELIVERED, FAILED), attempts and the last error.")
public final class NotificationsListCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Option(
      names = "--state",
      paramLabel = "STATE",
      description = "Only notifications in this state: ${COMPLETION-CANDIDATES}.")
  StoredNotification.State state;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "At most N notifications (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new io.andon.error.InvalidInputException(
          "--limit must be 1 or more, not " + limit + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<StoredNotification> list;
    try (Store store = Store.open(common.home())) {
      list = Outbox.open(store).list(Optional.ofNullable(state), limit);
    }
    if (json) {
      ArrayNode arr = Json.mapper().createArrayNode();
      list.forEach(n -> arr.add(toJson(n)));
      out.println(Json.pretty(arr));
    } else if (list.isEmpty()) {
      out.println("No notifications" + (state == null ? "" : " in state " + state) + ".");
    } else {
      out.printf(
          "%-36s  %-16s  %-22s  %-9s  %8s  %-20s  %s%n",
          "ID",
          "DESTINATION",
          "EVENT",
          "STATE",
          "ATTEMPTS",
          "CREATED",
          "LAST ERROR / NEXT ATTEMPT");
      for (StoredNotification n : list) {
        String note =
            switch (n.state()) {
              case DELIVERED -> n.deliveredAt().map(t -> "delivered " + TIME.format(t)).orElse("");
              case PENDING ->
                  n.lastError().map(e -> e + "; ").orElse("")
                      + n.nextAttemptAt().map(t -> "next attempt " + TIME.format(t)).orElse("");
              case FAILED -> n.lastError().orElse("") + " (run 'andon notifications retry')";
            };
        out.printf(
            "%-36s  %-16s  %-22s  %-9s  %8d  %-20s  %s%n",
            n.id(),
            n.destinationId(),
            n.event(),
            n.state(),
            n.attempts(),
            TIME.format(n.createdAt()),
            note);
      }
    }
    out.flush();
    return 0;
  }

  static ObjectNode toJson(StoredNotification n) {
    ObjectNode o = Json.object();
    o.put("id", n.id());
    o.put("destination", n.destinationId());
    o.put("destination_type", n.destination().type());
    o.put("event", n.event());
    o.put("source", n.source());
    o.put("subject", n.subject());
    o.put("state", n.state().name());
    o.put("attempts", n.attempts());
    o.put("created_at", n.createdAt().toString());
    put(o, "next_attempt_at", n.nextAttemptAt());
    put(o, "last_attempt_at", n.lastAttemptAt());
    put(o, "delivered_at", n.deliveredAt());
    if (n.lastError().isPresent()) {
      o.put("last_error", n.lastError().get());
    } else {
      o.putNull("last_error");
    }
    return o;
  }

  private static void put(ObjectNode o, String key, Optional<Instant> t) {
    if (t.isPresent()) {
      o.put(key, t.get().toString());
    } else {
      o.putNull(key);
    }
  }
}
