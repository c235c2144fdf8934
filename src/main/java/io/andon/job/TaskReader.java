package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the task items of one job: each task's keys, dependencies, run_if, retries and its one
 * payload, which the {@link PayloadType} of its key reads (the built-in shell, condition, for_each
 * and run_job types as well as the ones other packages contribute). Not thread-safe: a job read on
 * two threads has a reader per thread ({@link #copy()}).
 */
final class TaskReader {
  static final Set<String> TASK_KEYS =
      Set.of(
          "task_key",
          "depends_on",
          "run_if",
          "description",
          "disabled",
          "timeout_seconds",
          "max_retries",
          "min_retry_interval_millis",
          "retry_on_timeout",
          "health");

  /** Databricks payloads that need a Databricks workspace. */
  static final Set<String> REMOTE_PAYLOADS =
      Set.of(
          "spark_jar_task",
          "spark_submit_task",
          "sql_task",
          "dbt_task",
          "pipeline_task",
          "dashboard_task",
          "power_bi_task",
          "clean_rooms_notebook_task",
          "gen_ai_compute_task",
          "dbt_cloud_task",
          "alert_task_databricks");

  /** Databricks payloads andon runs itself, unless a shell_task beside them stands in. */
  static final Set<String> STAND_IN_YIELDS =
      Set.of("notebook_task", "spark_python_task", "python_wheel_task");

  static final Set<String> BUILTIN_PAYLOADS =
      Set.of(ShellTask.KEY, ConditionTask.KEY, ForEachTask.KEY, RunJobTask.KEY);

  private static final Pattern TASK_KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");

  private final Map<String, PayloadType> plugins;
  private final Set<String> taskExtKeys;
  private final Problems p;
  private final Path base;
  private final boolean lenient;
  private final YMap jobMap;
  private final RunJobTaskType runJob;

  /** Every payload type by key, built-in ones first. */
  private final Map<String, PayloadType> types = new LinkedHashMap<>();

  private final Set<String> taskKeysAllowed;

  /**
   * @param plugins the payload types other packages contribute, by key
   * @param taskExtKeys the task keys {@link JobExtension}s own
   * @param base the folder relative paths in payloads start from
   * @param lenient unknown keys are warnings (bundles, Jobs API documents), not problems
   * @param jobMap the job mapping, which payloads may read keys of (environments)
   */
  TaskReader(
      Map<String, PayloadType> plugins,
      Set<String> taskExtKeys,
      Problems problems,
      Path base,
      boolean lenient,
      YMap jobMap,
      RunJobTaskType runJob) {
    this.plugins = plugins;
    this.taskExtKeys = taskExtKeys;
    this.p = problems;
    this.base = base;
    this.lenient = lenient;
    this.jobMap = jobMap;
    this.runJob = runJob;
    for (PayloadType t :
        List.of(
            new ShellTaskType(),
            new ConditionTaskType(),
            new ForEachTaskType(m -> read(m, true).spec()),
            runJob)) {
      types.put(t.key(), t);
    }
    plugins.forEach(types::putIfAbsent);
    Set<String> allowed = new TreeSet<>(TASK_KEYS);
    allowed.addAll(IgnoredKeys.TASK.keySet());
    allowed.addAll(taskExtKeys);
    allowed.addAll(types.keySet());
    allowed.addAll(REMOTE_PAYLOADS);
    // looked up for every key of every task: a hash set; did-you-mean walks it in order
    taskKeysAllowed = Collections.unmodifiableSet(new LinkedHashSet<>(allowed));
  }

  /** A reader of more tasks of the same job, with problems of its own, for another thread. */
  TaskReader copy() {
    return new TaskReader(
        plugins, taskExtKeys, new Problems(), base, lenient, jobMap, runJob.copy());
  }

  Problems problems() {
    return p;
  }

  /** The task_key of a task item as written, or "?" for messages when it has none. */
  static String keyOf(YMap task) {
    return task.get("task_key")
        .filter(n -> n instanceof YScalar)
        .map(n -> ((YScalar) n).text())
        .orElse("?");
  }

  /**
   * Whether a task runs a notebook, Python file or wheel here (no shell_task stands in): its
   * libraries and environment are then installed, not noticed as ignored.
   */
  static boolean runsPython(YMap task) {
    return task.get(ShellTask.KEY).isEmpty()
        && STAND_IN_YIELDS.stream().anyMatch(k -> task.get(k).isPresent());
  }

  /** Keys of {@code m} outside {@code allowed}: warnings when lenient, else problems. */
  void checkKeys(YMap m, Collection<String> allowed, String where) {
    if (lenient) {
      p.unknownKeysWarned(m, allowed, where);
    } else {
      p.unknownKeys(m, allowed, where);
    }
  }

  /** The integer at {@code key}, {@code dflt} when absent or negative (a problem). */
  long nonNegative(YMap m, String key, long dflt) {
    long v = p.integer(m, key).orElse(dflt);
    if (v < 0) {
      p.add(m.get(key).orElseThrow().loc(), "'" + key + "' must be 0 or more, not " + v + ".");
      return dflt;
    }
    return v;
  }

  /** The values of {@code m}'s keys that are in {@code keys}, in order. */
  static Map<String, YNode> extras(YMap m, Set<String> keys) {
    Map<String, YNode> out = new LinkedHashMap<>();
    for (YMap.Entry e : m.values()) {
      if (keys.contains(e.key())) {
        out.put(e.key(), e.value());
      }
    }
    return out;
  }

  /** A task item: its spec, or, when it has problems, its key and dependencies if readable. */
  TaskRead read(YMap m, boolean nested) {
    YMap checked = m;
    boolean python = runsPython(m);
    for (YMap.Entry e : m.values()) {
      if (!(python && IgnoredKeys.PYTHON_ENVIRONMENT.contains(e.key()))) {
        IgnoredKeys.task(e.key()).ifPresent(kind -> p.ignored(e.keyLoc(), kind, e.key()));
      }
      if (!taskKeysAllowed.contains(e.key()) && isWorkspacePayload(e.key())) {
        // a payload type andon does not know: payload() reports it by name
        LinkedHashMap<String, YMap.Entry> rest = new LinkedHashMap<>(checked.entries());
        rest.remove(e.key());
        checked = new YMap(m.loc(), rest);
      }
    }
    checkKeys(checked, taskKeysAllowed, "a task");
    Optional<String> key = p.requiredString(m, "task_key", "every task");
    String k = key.orElse("?");
    if (key.isPresent() && !TASK_KEY.matcher(key.get()).matches()) {
      p.add(
          m.get("task_key").orElseThrow().loc(),
          "task_key '" + k + "' may hold only letters," + " digits, '_', '-' and '.'.");
    }
    List<Dependency> deps = dependencies(m);
    if (nested && !deps.isEmpty()) {
      p.add(
          m.keyLoc("depends_on"),
          "the task inside a for_each_task cannot have depends_on;"
              + " put the dependencies on the for_each task.");
    }
    RunIf runIf = runIf(m);
    Optional<String> description = p.string(m, "description");
    boolean disabled = p.bool(m, "disabled").orElse(false);
    long timeout = nonNegative(m, "timeout_seconds", 0);
    long retries = p.integer(m, "max_retries").orElse(0);
    if (retries < -1) {
      p.add(
          m.get("max_retries").orElseThrow().loc(),
          "max_retries must be -1 (forever), 0 or" + " more.");
      retries = 0;
    }
    long interval = nonNegative(m, "min_retry_interval_millis", 0);
    boolean retryOnTimeout = p.bool(m, "retry_on_timeout").orElse(false);
    HealthRules health = HealthReader.read(m.get("health"), "task '" + k + "'", p);
    Optional<Payload> payload = payload(m, k, nested);
    if (payload.orElse(null) instanceof ConditionTask && retries != 0) {
      p.add(
          m.keyLoc("max_retries"),
          "task '" + k + "': a condition_task is never retried;" + " remove max_retries.");
    }
    if (payload.isEmpty() || key.isEmpty()) {
      return new TaskRead(Optional.empty(), key, deps, m.loc());
    }
    return new TaskRead(
        Optional.of(
            new TaskSpec(
                key.get(),
                deps,
                runIf,
                description,
                disabled,
                timeout,
                (int) Math.max(-1, Math.min(retries, Integer.MAX_VALUE)),
                interval,
                retryOnTimeout,
                payload.get(),
                extras(m, taskExtKeys),
                health,
                m.loc())),
        key,
        deps,
        m.loc());
  }

  private List<Dependency> dependencies(YMap m) {
    List<Dependency> deps = new ArrayList<>();
    for (YNode d : p.list(m, "depends_on")) {
      p.map(d, "a depends_on entry")
          .ifPresent(
              dm -> {
                p.unknownKeys(dm, Set.of("task_key", "outcome"), "depends_on");
                Optional<String> dk = p.requiredString(dm, "task_key", "a depends_on entry");
                Optional<String> outcome = p.string(dm, "outcome");
                outcome.ifPresent(
                    o -> {
                      if (!o.equals("true") && !o.equals("false")) {
                        p.add(
                            dm.get("outcome").orElseThrow().loc(),
                            "outcome must be \"true\" or \"false\"," + " not '" + o + "'.");
                      }
                    });
                dk.ifPresent(x -> deps.add(new Dependency(x, outcome)));
              });
    }
    return deps;
  }

  private RunIf runIf(YMap m) {
    Optional<String> ri = p.string(m, "run_if");
    if (ri.isEmpty()) {
      return RunIf.ALL_SUCCESS;
    }
    List<String> names = Arrays.stream(RunIf.values()).map(Enum::name).toList();
    if (names.contains(ri.get())) {
      return RunIf.valueOf(ri.get());
    }
    p.add(
        m.get("run_if").orElseThrow().loc(),
        "run_if '"
            + ri.get()
            + "' is not one of "
            + String.join(", ", names)
            + "."
            + Strings.didYouMean(ri.get().toUpperCase(Locale.ROOT), names));
    return RunIf.ALL_SUCCESS;
  }

  /** The task's one payload, read by its type; empty when there is none or it has problems. */
  private Optional<Payload> payload(YMap m, String k, boolean nested) {
    List<String> present = new ArrayList<>();
    for (String key : m.keys()) {
      if (types.containsKey(key) || isWorkspacePayload(key)) {
        present.add(key);
      }
    }
    if (present.isEmpty()) {
      p.add(
          m.loc(),
          "task '"
              + k
              + "' has nothing to run; give it one of: "
              + String.join(", ", localKinds())
              + ".");
      return Optional.empty();
    }
    boolean standIn = present.contains(ShellTask.KEY);
    List<String> local =
        present.stream()
            .filter(x -> !isWorkspacePayload(x) && !(standIn && STAND_IN_YIELDS.contains(x)))
            .toList();
    if (present.size() > 1 && local.size() != 1) {
      p.add(
          m.keyLoc(present.get(1)),
          "task '"
              + k
              + "' has several payloads ("
              + String.join(", ", present)
              + "); a task has exactly one"
              + (local.size() == present.size()
                  ? "."
                  : ", or one that andon runs beside ones"
                      + " that only a Databricks workspace runs."));
      return Optional.empty();
    }
    // a local payload beside workspace ones is their stand-in here (a target can add it)
    String type = local.isEmpty() ? present.get(0) : local.get(0);
    Loc at = m.keyLoc(type);
    if (isWorkspacePayload(type)) {
      p.add(
          at,
          "task '"
              + k
              + "': "
              + type
              + " runs only in a Databricks workspace, so andon"
              + " cannot run it here. Replace it with a shell_task (for example `command: python"
              + " my_notebook.py`), or put one beside it, which andon runs instead (in a bundle, a"
              + " target of its own can add it).");
      return Optional.empty();
    }
    Optional<YMap> body = p.map(m, type);
    if (body.isEmpty()) {
      if (m.get(type).map(n -> n instanceof YScalar s && s.isNull()).orElse(false)) {
        p.add(at, "task '" + k + "': " + type + " is empty.");
      }
      return Optional.empty();
    }
    if (nested && type.equals(ForEachTask.KEY)) {
      p.add(at, "task '" + k + "': a for_each_task cannot hold another for_each_task.");
      return Optional.empty();
    }
    return types.get(type).parse(body.get(), m, jobMap, p, base);
  }

  /**
   * A payload only a Databricks workspace runs: one of the known ones, or any other {@code *_task}
   * key that no payload type of andon's claims (Databricks adds task types).
   */
  private boolean isWorkspacePayload(String key) {
    return !types.containsKey(key)
        && (REMOTE_PAYLOADS.contains(key) || key.endsWith("_task") && !isTypo(key));
  }

  /** Within two edits of a payload type andon runs: a misspelling, reported as such. */
  private boolean isTypo(String key) {
    return localKinds().stream().anyMatch(k -> Strings.distance(key, k) <= 2);
  }

  /** The payload types andon runs, built-in ones first, each group in alphabetical order. */
  private List<String> localKinds() {
    List<String> kinds = new ArrayList<>(new TreeSet<>(BUILTIN_PAYLOADS));
    kinds.addAll(new TreeSet<>(plugins.keySet()));
    return kinds;
  }
}
