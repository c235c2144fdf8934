package io.andon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.alert.AlertCheck;
import io.andon.alert.AlertEvaluator;
import io.andon.alert.AlertsFile;
import io.andon.alert.Env;
import io.andon.alert.StoredNotification;
import io.andon.error.InvalidInputException;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon alerts check ALERTS_FILE}: evaluate, keep states, notify. */
@Command(
    name = "check",
    description = {
      "Evaluate the alerts of ALERTS_FILE against the store, record their states (OK, TRIGGERED,"
          + " ERROR) and send the notifications state changes call for.",
      "Exit codes: 0 every alert OK; 1 at least one TRIGGERED; 4 none TRIGGERED but at least one"
          + " in ERROR; 2 invalid alerts file or flags."
    })
public final class AlertsCheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ALERTS_FILE", description = "The alerts YAML file.")
  Path file;

  @Option(names = "--alert", paramLabel = "NAME", description = "Only this alert (repeatable).")
  List<String> only = new ArrayList<>();

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "How long to keep retrying notifications before exiting (default"
              + " ${DEFAULT-VALUE}); what is still undelivered stays in the outbox.")
  long waitSeconds;

  @Override
  public Integer call() {
    if (waitSeconds < 0) {
      throw new InvalidInputException("--wait must be 0 or more seconds, not " + waitSeconds + ".");
    }
    AlertsFile alerts = AlertsFile.read(file, Env.system());
    for (String name : only) {
      if (alerts.alert(name).isEmpty()) {
        throw new InvalidInputException(
            "no alert named '"
                + name
                + "' in "
                + file
                + "; alerts: "
                + String.join(", ", alerts.alerts().stream().map(a -> a.name()).toList())
                + "."
                + io.andon.util.Strings.didYouMean(
                    name, alerts.alerts().stream().map(a -> a.name()).toList()));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AlertCheck.Outcome o;
    try (Store store = Store.open(common.home())) {
      o = AlertCheck.run(store, alerts, only, Duration.ofSeconds(waitSeconds));
    }
    if (json) {
      ObjectNode root = Json.object();
      root.put("alerts_file", file.toString());
      ArrayNode arr = root.putArray("alerts");
      for (AlertEvaluator.Result r : o.results()) {
        arr.add(AlertCheck.toJson(r));
      }
      ObjectNode n = root.putObject("notifications");
      n.put("written", o.states().size());
      n.put("delivered", o.count(StoredNotification.State.DELIVERED));
      n.put("pending", o.count(StoredNotification.State.PENDING));
      n.put("failed", o.count(StoredNotification.State.FAILED));
      out.println(Json.pretty(root));
    } else {
      out.printf("%-28s  %-9s  %-9s  %-14s  %s%n", "ALERT", "STATE", "WAS", "VALUE", "CONDITION");
      for (AlertEvaluator.Result r : o.results()) {
        out.printf(
            "%-28s  %-9s  %-9s  %-14s  %s%n",
            r.rule().name(),
            r.state(),
            r.previous(),
            r.value().orElse("NULL"),
            r.rule().condition().describe());
        if (r.state() == io.andon.alert.AlertRule.State.ERROR) {
          out.println("    " + r.message());
        }
      }
      int sent = o.states().size();
      if (sent > 0) {
        long failed = o.count(StoredNotification.State.FAILED);
        out.printf(
            "%d notification%s: %d delivered, %d pending%s.%n",
            sent,
            sent == 1 ? "" : "s",
            o.count(StoredNotification.State.DELIVERED),
            o.count(StoredNotification.State.PENDING),
            failed > 0 ? ", " + failed + " failed" : "");
      }
    }
    for (String e : o.delivery().errors()) {
      err.println("andon: notification " + e);
    }
    if (o.count(StoredNotification.State.PENDING) + o.count(StoredNotification.State.FAILED) > 0) {
      err.println(
          "andon: undelivered notifications stay in the outbox; 'andon notifications"
              + " retry' sends them again.");
    }
    out.flush();
    err.flush();
    return o.exitCode();
  }
}
