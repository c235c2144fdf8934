package io.andon.alert;

import io.andon.job.HealthRules;
import io.andon.job.JobSpec;
import io.andon.job.TaskSpec;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A job's notifications, read from the keys andon's alert area owns in the job YAML: {@code
 * destinations}, {@code email_notifications}, {@code webhook_notifications}, {@code
 * notification_settings}, at job level and per task; with the run-duration thresholds of the job's
 * and tasks' {@code health} rules, which the job loader reads.
 *
 * @param job the job-level settings
 * @param tasks per task_key, the task-level settings (tasks without any are absent)
 */
public record NotificationConfig(
    Destinations destinations, Notifications job, Map<String, Notifications> tasks) {

  public static final Set<String> JOB_KEYS =
      Set.of(
          "destinations", "email_notifications", "webhook_notifications", "notification_settings");
  public static final Set<String> TASK_KEYS =
      Set.of("email_notifications", "webhook_notifications", "notification_settings");

  /** How Databricks names its notification destinations: a UUID. */
  private static final java.util.regex.Pattern WORKSPACE_ID =
      java.util.regex.Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Databricks' limit of webhooks per hook. */
  public static final int MAX_WEBHOOKS_PER_HOOK = 3;

  private static final List<String> HOOK_KEYS =
      List.of("on_start", "on_success", "on_failure", "on_duration_warning_threshold_exceeded");

  public NotificationConfig {
    Objects.requireNonNull(destinations, "destinations");
    Objects.requireNonNull(job, "job");
    tasks = Map.copyOf(tasks);
  }

  public Notifications task(String taskKey) {
    return tasks.getOrDefault(taskKey, Notifications.NONE);
  }

  /**
   * Reads the settings of {@code job}, adding every problem with its position to {@code problems}.
   *
   * @param jobExtras the job's notification keys
   * @param taskExtras per task key, the task's notification keys
   * @param baseDir the job file's folder, for relative paths
   */
  public static NotificationConfig parse(
      JobSpec job,
      Map<String, YNode> jobExtras,
      Map<String, Map<String, YNode>> taskExtras,
      Path baseDir,
      Env env,
      Problems problems) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(jobExtras, "jobExtras");
    Objects.requireNonNull(taskExtras, "taskExtras");
    Destinations destinations =
        Optional.ofNullable(jobExtras.get("destinations"))
            .filter(n -> !(n instanceof YScalar s && s.isNull()))
            .map(n -> DestinationsYaml.parse(n, baseDir, env, problems))
            .orElse(Destinations.none());
    Notifications forJob =
        notifications(jobExtras, job.health(), destinations, false, "the job", problems);
    Map<String, Notifications> tasks = new LinkedHashMap<>();
    taskExtras.forEach(
        (key, extras) -> {
          HealthRules health = job.task(key).map(TaskSpec::health).orElse(HealthRules.NONE);
          if (extras.isEmpty() && health.rules().isEmpty()) {
            return; // no key of this task's to read or to report
          }
          Notifications n =
              notifications(extras, health, destinations, true, "task '" + key + "'", problems);
          if (!n.isEmpty() || n.durationThresholdSeconds().isPresent()) {
            tasks.put(key, n);
          }
        });
    return new NotificationConfig(destinations, forJob, tasks);
  }

  private static Notifications notifications(
      Map<String, YNode> extras,
      HealthRules health,
      Destinations destinations,
      boolean task,
      String where,
      Problems problems) {
    Map<Hook, List<Destination>> targets = new EnumMap<>(Hook.class);
    boolean skipped = false;
    boolean canceled = false;
    boolean lastAttempt = false;
    YNode email = extras.get("email_notifications");
    if (email != null && !isNull(email)) {
      Optional<YMap> m = problems.map(email, "'email_notifications' of " + where);
      if (m.isPresent()) {
        List<String> allowed = new ArrayList<>(HOOK_KEYS);
        allowed.add("no_alert_for_skipped_runs");
        problems.unknownKeys(m.get(), allowed, "'email_notifications' of " + where);
        skipped = problems.bool(m.get(), "no_alert_for_skipped_runs").orElse(false);
        for (Hook h : Hook.values()) {
          emailTargets(m.get(), h, destinations, where, problems)
              .ifPresent(d -> targets.computeIfAbsent(h, x -> new ArrayList<>()).add(d));
        }
      }
    }
    YNode hooks = extras.get("webhook_notifications");
    if (hooks != null && !isNull(hooks)) {
      Optional<YMap> m = problems.map(hooks, "'webhook_notifications' of " + where);
      if (m.isPresent()) {
        problems.unknownKeys(m.get(), HOOK_KEYS, "'webhook_notifications' of " + where);
        for (Hook h : Hook.values()) {
          List<YNode> items = problems.list(m.get(), h.key());
          if (items.size() > MAX_WEBHOOKS_PER_HOOK) {
            problems.add(
                m.get().get(h.key()).orElseThrow().loc(),
                "'"
                    + h.key()
                    + "' of "
                    + where
                    + " lists "
                    + items.size()
                    + " destinations; at most "
                    + MAX_WEBHOOKS_PER_HOOK
                    + " per event (as on Databricks).");
          }
          for (YNode item : items) {
            webhookTarget(item, destinations, problems)
                .ifPresent(d -> targets.computeIfAbsent(h, x -> new ArrayList<>()).add(d));
          }
        }
      }
    }
    YNode settings = extras.get("notification_settings");
    if (settings != null && !isNull(settings)) {
      Optional<YMap> m = problems.map(settings, "'notification_settings' of " + where);
      if (m.isPresent()) {
        List<String> allowed =
            new ArrayList<>(List.of("no_alert_for_skipped_runs", "no_alert_for_canceled_runs"));
        if (task) {
          allowed.add("alert_on_last_attempt");
        } else if (m.get().has("alert_on_last_attempt")) {
          problems.add(
              m.get().keyLoc("alert_on_last_attempt"),
              "'alert_on_last_attempt' is a"
                  + " task setting (retries are per task): move it to the notification_settings of"
                  + " the tasks that retry.");
        }
        Map<String, YMap.Entry> kept = new LinkedHashMap<>(m.get().entries());
        if (!task) {
          kept.remove("alert_on_last_attempt");
        }
        problems.unknownKeys(
            new YMap(m.get().loc(), kept), allowed, "'notification_settings' of " + where);
        skipped = problems.bool(m.get(), "no_alert_for_skipped_runs").orElse(skipped);
        canceled = problems.bool(m.get(), "no_alert_for_canceled_runs").orElse(false);
        lastAttempt = task && problems.bool(m.get(), "alert_on_last_attempt").orElse(false);
      }
    }
    OptionalLong threshold = health.runDurationSeconds();
    if (threshold.isEmpty() && targets.containsKey(Hook.ON_DURATION_WARNING_THRESHOLD_EXCEEDED)) {
      String k = Hook.ON_DURATION_WARNING_THRESHOLD_EXCEEDED.key();
      YNode keyAt =
          email instanceof YMap em && em.has(k)
              ? em.get(k).orElseThrow()
              : hooks instanceof YMap hm && hm.has(k)
                  ? hm.get(k).orElseThrow()
                  : Objects.requireNonNullElse(email, hooks);
      problems.add(
          keyAt.loc(),
          "on_duration_warning_threshold_exceeded of "
              + where
              + " needs a"
              + " threshold: add health: {rules: [{metric: RUN_DURATION_SECONDS, op: GREATER_THAN,"
              + " value: SECONDS}]}.");
    }
    return new Notifications(targets, skipped, canceled, lastAttempt, threshold);
  }

  private static Optional<Destination> emailTargets(
      YMap m, Hook h, Destinations destinations, String where, Problems problems) {
    List<String> addresses = new ArrayList<>();
    YNode at = null;
    List<Destination> byId = new ArrayList<>();
    for (YNode item : problems.list(m, h.key())) {
      Optional<String> text = problems.scalarText(item, "an entry of '" + h.key() + "'");
      if (text.isEmpty()) {
        continue;
      }
      String t = text.get().strip();
      Optional<Destination> d = destinations.get(t);
      if (d.isPresent()) {
        if (d.get() instanceof Destination.Email) {
          byId.add(d.get());
        } else {
          problems.add(
              item.loc(),
              "destination '"
                  + t
                  + "' is a "
                  + d.get().type()
                  + " destination; list it under webhook_notifications as {id: "
                  + t
                  + "}.");
        }
      } else if (destinations.isInvalid(t)) {
        continue; // its declaration's problems are reported already
      } else if (t.contains("@")) {
        Optional<String> bad = EmailYaml.checkAddress(t);
        if (bad.isPresent()) {
          problems.add(item.loc(), bad.get());
        } else {
          addresses.add(t);
          at = at == null ? item : at;
        }
      } else {
        problems.add(
            item.loc(),
            "'"
                + t
                + "' in email_notifications is neither an e-mail address"
                + " nor the id of an e-mail destination."
                + didYouMean(t, destinations));
      }
    }
    if (!byId.isEmpty() && byId.size() + (addresses.isEmpty() ? 0 : 1) > 1) {
      problems.add(
          m.keyLoc(h.key()),
          "'"
              + h.key()
              + "' of "
              + where
              + " names several e-mail"
              + " destinations; andon sends one e-mail per hook, so list one destination id or"
              + " addresses.");
    }
    if (addresses.isEmpty()) {
      return byId.isEmpty() ? Optional.empty() : Optional.of(byId.get(0));
    }
    List<Destination.Email> servers =
        destinations.all().values().stream()
            .filter(Destination.Email.class::isInstance)
            .map(Destination.Email.class::cast)
            .toList();
    if (servers.isEmpty()) {
      // as a bundle for Databricks has it: the workspace sends those mails, andon cannot
      problems.warn(
          at.loc(),
          "email_notifications of "
              + where
              + " lists addresses, but the job"
              + " declares no e-mail destination, so andon sends them no mail; to have it send, declare"
              + " one: destinations: {mail: {type: email, to: [...], smtp: {host, port, from}}}.");
      return Optional.empty();
    }
    if (servers.size() != 1) {
      problems.add(
          at.loc(),
          "email_notifications of "
              + where
              + " lists addresses, so andon needs"
              + " the SMTP server to send through: declare "
              + (servers.isEmpty()
                  ? "an e-mail"
                      + " destination (destinations: {mail: {type: email, to: [...], smtp: {host, port,"
                      + " from}}})"
                  : "only one e-mail destination, or refer to one by its id")
              + ".");
      return Optional.empty();
    }
    Destination.Email server = servers.get(0);
    return Optional.of(
        new Destination.Email(
            server.id() + "+" + String.join(",", addresses),
            addresses,
            server.smtp(),
            server.delivery()));
  }

  private static Optional<Destination> webhookTarget(
      YNode item, Destinations destinations, Problems problems) {
    if (!(item instanceof YMap m)) {
      String hint = item instanceof YScalar s ? " Write {id: " + s.text() + "}." : "";
      problems.add(
          item.loc(), "each webhook notification is a mapping {id: DESTINATION_ID}." + hint);
      return Optional.empty();
    }
    problems.unknownKeys(m, List.of("id"), "a webhook notification");
    Optional<String> id = problems.requiredString(m, "id", "a webhook notification");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    Optional<Destination> d = destinations.get(id.get().strip());
    if (d.isEmpty() && WORKSPACE_ID.matcher(id.get().strip()).matches()) {
      problems.notice(
          m.get("id").orElseThrow().loc(),
          "webhook destination "
              + id.get().strip()
              + " is the id of a Databricks workspace destination; andon does not send to it. Declare"
              + " a destination under 'destinations:' to be notified by andon.");
      return Optional.empty();
    }
    if (d.isEmpty() && !destinations.isInvalid(id.get().strip())) {
      problems.add(
          m.get("id").orElseThrow().loc(),
          "unknown destination id '"
              + id.get()
              + "';"
              + (destinations.declared().isEmpty()
                  ? " declare it under 'destinations:' in the job or"
                      + " in a shared destinations file."
                  : " declared ids: "
                      + String.join(", ", destinations.declared())
                      + "."
                      + didYouMean(id.get(), destinations)));
    }
    return d;
  }

  private static String didYouMean(String word, Destinations destinations) {
    return io.andon.util.Strings.didYouMean(word, destinations.declared());
  }

  private static boolean isNull(YNode n) {
    return n instanceof YScalar s && s.isNull();
  }
}
