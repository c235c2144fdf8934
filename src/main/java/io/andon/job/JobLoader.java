package io.andon.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads a job file (a bare job or a Databricks Asset Bundle) and validates it once, reporting
 * every problem at once with file:line:column. A loaded {@link JobSpec} is known to be a DAG whose
 * references all name something that exists.
 */
public final class JobLoader {
  static final Set<String> JOB_KEYS =
      Set.of("name", "description", "parameters", "tasks", "max_concurrent_runs",
          "timeout_seconds", "tags", "queue");
  /** Databricks job settings that do not change a local run; accepted, with a notice. */
  static final Set<String> JOB_KEYS_IGNORED = IgnoredKeys.JOB.keySet();
  static final Set<String> TASK_KEYS =
      Set.of("task_key", "depends_on", "run_if", "description", "disabled", "timeout_seconds",
          "max_retries", "min_retry_interval_millis", "retry_on_timeout");
  /** Databricks task settings about compute; accepted, with a notice. */
  static final Set<String> TASK_KEYS_IGNORED = IgnoredKeys.TASK.keySet();
  /** Databricks payloads that need a Databricks workspace. */
  static final Set<String> REMOTE_PAYLOADS =
      Set.of("spark_jar_task", "spark_submit_task", "sql_task", "dbt_task", "pipeline_task",
          "dashboard_task",
          "power_bi_task", "clean_rooms_notebook_task", "gen_ai_compute_task",
          "dbt_cloud_task", "alert_task_databricks");
  /** Databricks payloads andon runs itself, unless a shell_task beside them stands in. */
  static final Set<String> STAND_IN_YIELDS =
      Set.of("notebook_task", "spark_python_task", "python_wheel_task");
  static final Set<String> BUILTIN_PAYLOADS =
      Set.of(ShellTask.KEY, ConditionTask.KEY, ForEachTask.KEY, RunJobTask.KEY);

  private final Map<String, PayloadType> payloadTypes = new LinkedHashMap<>();
  private final List<JobExtension> extensions = new ArrayList<>();

  /** A loader with the payload types and job extensions found on the class path. */
  public JobLoader() {
    for (PayloadType t : ServiceLoader.load(PayloadType.class)) {
      payloadTypes.put(t.key(), t);
    }
    for (JobExtension e : ServiceLoader.load(JobExtension.class)) {
      extensions.add(e);
    }
  }

  private Map<String, String> env = System.getenv();

  /** Reads {@code BUNDLE_VAR_<name>} from {@code environment} instead of the process's. */
  public JobLoader environment(Map<String, String> environment) {
    this.env = Map.copyOf(environment);
    return this;
  }

  private Optional<WorkspaceSettings> workspace = Optional.empty();

  /**
   * Gives {@code ${workspace.*}} of bundles the andon home and values of {@code settings}
   * (default: the home of the environment, no values).
   */
  public JobLoader workspace(WorkspaceSettings settings) {
    this.workspace = Optional.of(settings);
    return this;
  }

  /** Loads {@code file}; {@code jobKey} picks a job of a bundle holding several. */
  public JobSpec load(Path file, Optional<String> jobKey) {
    return load(file, jobKey, BundleSettings.NONE);
  }

  /** Loads {@code file}, a bundle's substitutions made with {@code bundle}. */
  public JobSpec load(Path file, Optional<String> jobKey, BundleSettings bundle) {
    return load(file, jobKey, bundle, false, new ArrayDeque<>());
  }

  /** Loads a job from text already read (a stored definition), as if it were {@code file}. */
  public JobSpec loadSource(Path file, Optional<String> jobKey, String source,
      BundleSettings bundle) {
    return parse(file, jobKey, source, bundle, false, new ArrayDeque<>());
  }

  /**
   * The keys of the jobs a bundle file declares under {@code resources.jobs}, its includes
   * merged, in order; empty for a file that is not a bundle. Each loads with {@link
   * #load(Path, Optional, BundleSettings)}.
   */
  public List<String> jobKeys(Path file, BundleSettings bundle) {
    YNode root = YamlReader.parse(file.toString(), YamlReader.readText(file));
    if (!(root instanceof YMap rootMap) || !(rootMap.has("resources") || rootMap.has("include")
        || rootMap.has("bundle"))) {
      return List.of();
    }
    Problems problems = new Problems();
    BundleFiles.Merged merged = BundleFiles.merge(file, rootMap, bundle.includes(), problems);
    Bundle b = Bundle.open(merged.root(), file, bundle, env,
        workspace.orElseGet(() -> WorkspaceSettings.fromEnvironment(env)), false, problems);
    return List.copyOf(b.jobs(merged.jobs()).keys());
  }

  private JobSpec load(Path file, Optional<String> jobKey, BundleSettings bundle, boolean child,
      Deque<String> chain) {
    // refuses missing, binary, huge files with their own messages
    return parse(file, jobKey, YamlReader.readText(file), bundle, child, chain);
  }

  private JobSpec parse(Path file, Optional<String> jobKey, String source, BundleSettings bundle,
      boolean child, Deque<String> chain) {
    YNode root = YamlReader.parse(file.toString(), source);
    Problems problems = new Problems();
    if (!(root instanceof YMap rootMap)) {
      throw new InvalidInputException(root.loc() + ": a job file must be a mapping with 'name'"
          + " and 'tasks' (or a bundle with 'resources.jobs'), not " + root.kind() + ".");
    }
    YMap jobMap = rootMap;
    Optional<String> key = Optional.empty();
    BundleSettings resolved = BundleSettings.NONE;
    Path jobFile = file;
    boolean isBundle = rootMap.has("resources") || rootMap.has("include")
        || rootMap.has("bundle");
    // unknown keys of a bundle or of a Jobs API document are warnings, as Databricks has them
    boolean lenient = isBundle || file.getFileName().toString().endsWith(".json");
    if (isBundle) {
      BundleFiles.Merged merged = BundleFiles.merge(file, rootMap,
          child ? Optional.empty() : bundle.includes(), problems);
      Bundle b = Bundle.open(merged.root(), file, bundle, env,
          workspace.orElseGet(() -> WorkspaceSettings.fromEnvironment(env)), child, problems);
      YMap jobs = b.jobs(merged.jobs());
      if (!problems.isEmpty() && jobs.keys().isEmpty()) {
        problems.throwIfAny(file + " is not a valid bundle"); // why no job was found, first
      }
      Map.Entry<String, YMap> picked = pickBundleJob(file, merged.root(), jobs, jobKey);
      key = Optional.of(picked.getKey());
      jobFile = merged.jobFiles().getOrDefault(picked.getKey(), file);
      Bundle.Resolved r = b.resolve(picked.getValue(), merged.texts());
      jobMap = r.job();
      resolved = r.settings();
    } else if (jobKey.isPresent()) {
      throw new InvalidInputException(file + " holds a single job, not a bundle; drop --job "
          + jobKey.get() + ".");
    } else if (!child && !bundle.givesNothing()) {
      throw new InvalidInputException(file + " holds a single job, not a bundle; --target and"
          + " --var choose a bundle's target and variables. Use --param NAME=VALUE for the"
          + " job's parameters.");
    } else if (rootMap.get("settings").orElse(null) instanceof YMap settings
        && !rootMap.has("tasks")) {
      jobMap = apiSettings(rootMap, settings, problems);
      lenient = true;
    }
    Path abs = file.toAbsolutePath().normalize();
    chain.push(abs + "#" + key.orElse(""));
    try {
      JobSpec job = new Parse(file, jobFile.toAbsolutePath().getParent(), problems, chain, bundle,
          lenient).job(jobMap, key, source, resolved);
      problems.throwIfAny(file + " is not a valid job");
      return job.withNotices(problems.notices());
    } finally {
      chain.pop();
    }
  }

  /**
   * The settings of a deployed job as {@code databricks jobs get} prints it ({@code {"job_id":
   * ..., "settings": {...}}}); the fields beside them are noticed, not used.
   */
  private static YMap apiSettings(YMap document, YMap settings, Problems problems) {
    for (YMap.Entry e : document.values()) {
      if (!e.key().equals("settings")) {
        Optional.ofNullable(IgnoredKeys.API_DOCUMENT.get(e.key())).ifPresentOrElse(
            kind -> problems.ignored(e.keyLoc(), kind, e.key()),
            () -> problems.warn(e.keyLoc(), "unknown key '" + e.key() + "' beside the job's"
                + " settings; andon ignores it."));
      }
    }
    return settings;
  }

  private static Map.Entry<String, YMap> pickBundleJob(Path file, YMap root, YMap jobs,
      Optional<String> key) {
    if (jobs.keys().isEmpty()) {
      List<String> others = root.get("resources").filter(r -> r instanceof YMap)
          .map(r -> ((YMap) r).keys().stream().filter(k -> !k.equals("jobs")).toList())
          .orElse(List.of());
      throw new InvalidInputException(root.keyLoc("resources") + ": this bundle declares no job"
          + " under resources.jobs" + (root.has("include") ? ", in this file or in the files its"
              + " include patterns match" : "") + (others.isEmpty() ? "." : "; andon runs jobs,"
              + " not its " + String.join(", ", others) + "."));
    }
    String chosen;
    if (key.isPresent()) {
      if (!jobs.has(key.get())) {
        throw new InvalidInputException(file + " has no job '" + key.get() + "' under"
            + " resources.jobs; it has: " + String.join(", ", jobs.keys()) + "."
            + io.andon.util.Strings.didYouMean(key.get(), jobs.keys()));
      }
      chosen = key.get();
    } else if (jobs.keys().size() == 1) {
      chosen = jobs.keys().iterator().next();
    } else {
      throw new InvalidInputException(file + " holds several jobs (" + String.join(", ",
          jobs.keys()) + "); pick one with --job KEY.");
    }
    YNode node = jobs.get(chosen).orElseThrow();
    if (!(node instanceof YMap m)) {
      throw new InvalidInputException(node.loc() + ": resources.jobs." + chosen
          + " must be a mapping, not " + node.kind() + ".");
    }
    return Map.entry(chosen, m);
  }

  /** Jobs with this many tasks or more are read on two threads. */
  static final int PARALLEL_TASKS = 2000;

  private static final java.util.regex.Pattern TASK_KEY =
      java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-]+");
  private static final java.util.regex.Pattern ENV_NAME =
      java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * A task item as read: its spec, or null when it has problems; then its key (null when it has
   * none) and dependencies still take part in the checks of the whole job.
   */
  private record Read(TaskSpec spec, String key, List<Dependency> deps, Loc loc) {}

  /** One parse of one job file. */
  private final class Parse {
    private final Path file;
    private final Problems p;
    /** The jobs being loaded, outermost last, each as its file's absolute path#job key. */
    private final Deque<String> chain;
    private final Set<String> jobExtKeys = new HashSet<>();
    private final Set<String> taskExtKeys = new HashSet<>();
    private final Set<String> taskKeysAllowed;
    /** The job file's folder, which relative paths in payloads start from. */
    private final Path base;

    /** What the job file was read with, which the job files of its run_job_tasks are too. */
    private final BundleSettings bundle;
    /**
     * True for a bundle or a Jobs API document, where an unknown job or task key is a warning,
     * as the Databricks CLI has it; false for andon's own job files, where it is a problem.
     */
    private final boolean lenient;

    /**
     * {@code file} is the file given; relative paths start from {@code base}, the folder of the
     * file that holds the job (a file the bundle includes, or {@code file} itself).
     */
    Parse(Path file, Path base, Problems problems, Deque<String> chain, BundleSettings bundle,
        boolean lenient) {
      this.file = file;
      this.lenient = lenient;
      this.bundle = bundle;
      this.p = problems;
      this.chain = chain;
      this.base = base;
      for (JobExtension e : extensions) {
        jobExtKeys.addAll(e.jobKeys());
        taskExtKeys.addAll(e.taskKeys());
      }
      Set<String> allowed = new TreeSet<>(TASK_KEYS);
      allowed.addAll(TASK_KEYS_IGNORED);
      allowed.addAll(taskExtKeys);
      allowed.addAll(BUILTIN_PAYLOADS);
      allowed.addAll(payloadTypes.keySet());
      allowed.addAll(REMOTE_PAYLOADS);
      // looked up for every key of every task: a hash set; did-you-mean walks it in order
      taskKeysAllowed =
          java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(allowed));
    }

    /** The job mapping being read, which payloads may read keys of (environments). */
    private YMap jobMap = new YMap(new Loc("", 1, 1), Map.of());

    JobSpec job(YMap m, Optional<String> key, String source, BundleSettings resolved) {
      jobMap = m;
      Set<String> allowed = new TreeSet<>(JOB_KEYS);
      allowed.addAll(JOB_KEYS_IGNORED);
      allowed.addAll(jobExtKeys);
      boolean python = m.get("tasks").filter(t -> t instanceof YList).stream()
          .flatMap(t -> ((YList) t).items().stream())
          .anyMatch(t -> t instanceof YMap tm && runsPython(tm));
      for (YMap.Entry e : m.values()) {
        if (!(python && e.key().equals("environments"))) {
          IgnoredKeys.job(e.key()).ifPresent(kind -> p.ignored(e.keyLoc(), kind, e.key()));
        }
      }
      checkKeys(m, allowed, "the job");
      String name = p.string(m, "name").orElse(key.orElse(stem(file)));
      List<Parameter> params = parameters(m);
      long timeout = nonNegative(m, "timeout_seconds", 0);
      long maxConc = nonNegative(m, "max_concurrent_runs", 1);
      boolean queue = false;
      Optional<YMap> q = p.map(m, "queue");
      if (q.isPresent()) {
        p.unknownKeys(q.get(), Set.of("enabled"), "queue");
        queue = p.bool(q.get(), "enabled").orElse(false);
      }
      Map<String, String> tags = new LinkedHashMap<>();
      p.map(m, "tags").ifPresent(t -> t.values().forEach(e ->
          p.scalarText(e.value(), "tag '" + e.key() + "'").ifPresent(v -> tags.put(e.key(), v))));
      Map<String, YNode> extras = extras(m, jobExtKeys);

      if (!m.has("tasks")) {
        p.add(m.loc(), "the job has no 'tasks'; add a list of tasks, each with a task_key.");
      }
      List<TaskSpec> tasks = new ArrayList<>();
      Map<String, Read> broken = new LinkedHashMap<>();
      List<Read> twice = new ArrayList<>();
      Map<String, Loc> seen = new HashMap<>();
      List<YNode> items = p.list(m, "tasks");
      List<Read> reads = tasks(items);
      for (int i = 0; i < items.size(); i++) {
        Read r = reads.get(i);
        if (r == null || r.key() == null) {
          continue;
        }
        Loc first = seen.putIfAbsent(r.key(), r.loc());
        if (first != null) {
          p.add(((YMap) items.get(i)).keyLoc("task_key"), "task_key '" + r.key()
              + "' is used twice (first at line " + first.line() + "); task keys must be unique.");
          twice.add(r);
        } else if (r.spec() != null) {
          tasks.add(r.spec());
        } else {
          broken.put(r.key(), r);
        }
      }
      if (m.has("tasks") && tasks.isEmpty() && p.isEmpty()) {
        p.add(m.keyLoc("tasks"), "the job has no tasks; add at least one.");
      }
      JobSpec job = new JobSpec(name, file, key, params, tasks, (int) Math.min(maxConc, 1000000),
          queue, timeout, tags, extras, source, resolved, base);
      graph(job, m, broken, twice);
      references(job, params, broken.keySet());
      Map<String, Map<String, YNode>> taskExtras = new LinkedHashMap<>();
      for (TaskSpec t : tasks) {
        taskExtras.put(t.taskKey(), t.extras());
      }
      for (JobExtension e : extensions) {
        e.validate(job, extras, taskExtras, p);
      }
      return job;
    }

    /**
     * Each item as a task, or empty where it is none (its problems reported). A long list is
     * read in two halves on two threads, the second with problems of its own that join these:
     * problems are listed in file order, so the result is the same as one pass.
     */
    private List<Read> tasks(List<YNode> items) {
      int n = items.size();
      if (n < PARALLEL_TASKS) {
        return convert(items);
      }
      Parse other = new Parse(file, base, new Problems(), new java.util.ArrayDeque<>(chain),
          bundle, lenient);
      other.jobMap = jobMap;
      java.util.concurrent.CompletableFuture<List<Read>> second =
          io.andon.util.Background.start("andon-load-half",
              () -> other.convert(items.subList(n / 2, n)));
      List<Read> all = new ArrayList<>(convert(items.subList(0, n / 2)));
      all.addAll(io.andon.util.Background.join(second));
      p.addAll(other.p);
      return all;
    }

    /** Each item as read, null where it is not even a mapping. */
    private List<Read> convert(List<YNode> items) {
      List<Read> out = new ArrayList<>(items.size());
      for (YNode n : items) {
        out.add(p.map(n, "a task").map(tm -> read(tm, false)).orElse(null));
      }
      return out;
    }

    private Map<String, YNode> extras(YMap m, Set<String> keys) {
      Map<String, YNode> out = new LinkedHashMap<>();
      for (YMap.Entry e : m.values()) {
        if (keys.contains(e.key())) {
          out.put(e.key(), e.value());
        }
      }
      return out;
    }

    private List<Parameter> parameters(YMap m) {
      List<Parameter> out = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (YNode n : p.list(m, "parameters")) {
        p.map(n, "a parameter").ifPresent(pm -> {
          p.unknownKeys(pm, Set.of("name", "default"), "a parameter");
          Optional<String> name = p.requiredString(pm, "name", "a parameter");
          if (!pm.has("default")) {
            p.add(pm.loc(), "parameter '" + name.orElse("?") + "' needs a 'default'.");
          }
          String def = p.string(pm, "default").orElse("");
          name.ifPresent(nm -> {
            if (!names.add(nm)) {
              p.add(pm.keyLoc("name"), "parameter '" + nm + "' is declared twice.");
            } else {
              out.add(new Parameter(nm, def));
            }
          });
        });
      }
      return out;
    }

    private long nonNegative(YMap m, String key, long dflt) {
      long v = p.integer(m, key).orElse(dflt);
      if (v < 0) {
        p.add(m.get(key).get().loc(), "'" + key + "' must be 0 or more, not " + v + ".");
        return dflt;
      }
      return v;
    }

    /** Keys of {@code m} outside {@code allowed}: warnings when lenient, else problems. */
    private void checkKeys(YMap m, java.util.Collection<String> allowed, String where) {
      if (lenient) {
        p.unknownKeysWarned(m, allowed, where);
      } else {
        p.unknownKeys(m, allowed, where);
      }
    }

    /**
     * A payload only a Databricks workspace runs: one of the known ones, or any other
     * {@code *_task} key that no payload type of andon's claims (Databricks adds task types).
     */
    private boolean isWorkspacePayload(String key) {
      return !BUILTIN_PAYLOADS.contains(key) && !payloadTypes.containsKey(key)
          && (REMOTE_PAYLOADS.contains(key) || key.endsWith("_task") && !isTypo(key));
    }

    /** Within two edits of a payload type andon runs: a misspelling, reported as such. */
    private boolean isTypo(String key) {
      return localKinds().stream().anyMatch(k -> io.andon.util.Strings.distance(key, k) <= 2);
    }

    private List<String> localKinds() {
      List<String> kinds = new ArrayList<>(new TreeSet<>(BUILTIN_PAYLOADS));
      kinds.addAll(new TreeSet<>(payloadTypes.keySet()));
      return kinds;
    }

    /**
     * Whether a task runs a notebook, Python file or wheel here (no shell_task stands in): its
     * libraries and environment are then installed, not noticed as ignored.
     */
    private static boolean runsPython(YMap task) {
      return task.get(ShellTask.KEY).isEmpty()
          && STAND_IN_YIELDS.stream().anyMatch(k -> task.get(k).isPresent());
    }

    Optional<TaskSpec> task(YMap m, boolean nested) {
      return Optional.ofNullable(read(m, nested).spec());
    }

    /** A task item: its spec, or, when it has problems, its key and dependencies if readable. */
    private Read read(YMap m, boolean nested) {
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
        p.add(m.get("task_key").get().loc(), "task_key '" + k + "' may hold only letters, digits,"
            + " '_', '-' and '.'.");
      }
      List<Dependency> deps = new ArrayList<>();
      for (YNode d : p.list(m, "depends_on")) {
        p.map(d, "a depends_on entry").ifPresent(dm -> {
          p.unknownKeys(dm, Set.of("task_key", "outcome"), "depends_on");
          Optional<String> dk = p.requiredString(dm, "task_key", "a depends_on entry");
          Optional<String> outcome = p.string(dm, "outcome");
          outcome.ifPresent(o -> {
            if (!o.equals("true") && !o.equals("false")) {
              p.add(dm.get("outcome").get().loc(), "outcome must be \"true\" or \"false\", not '"
                  + o + "'.");
            }
          });
          dk.ifPresent(x -> deps.add(new Dependency(x, outcome)));
        });
      }
      if (nested && !deps.isEmpty()) {
        p.add(m.keyLoc("depends_on"), "the task inside a for_each_task cannot have depends_on;"
            + " put the dependencies on the for_each task.");
      }
      RunIf runIf = RunIf.ALL_SUCCESS;
      Optional<String> ri = p.string(m, "run_if");
      if (ri.isPresent()) {
        try {
          runIf = RunIf.valueOf(ri.get());
        } catch (IllegalArgumentException e) {
          List<String> names = new ArrayList<>();
          for (RunIf r : RunIf.values()) {
            names.add(r.name());
          }
          p.add(m.get("run_if").get().loc(), "run_if '" + ri.get() + "' is not one of "
              + String.join(", ", names) + "."
              + io.andon.util.Strings.didYouMean(ri.get().toUpperCase(Locale.ROOT), names));
        }
      }
      Optional<String> description = p.string(m, "description");
      boolean disabled = p.bool(m, "disabled").orElse(false);
      long timeout = nonNegative(m, "timeout_seconds", 0);
      long retries = p.integer(m, "max_retries").orElse(0);
      if (retries < -1) {
        p.add(m.get("max_retries").get().loc(), "max_retries must be -1 (forever), 0 or more.");
        retries = 0;
      }
      long interval = nonNegative(m, "min_retry_interval_millis", 0);
      boolean retryOnTimeout = p.bool(m, "retry_on_timeout").orElse(false);
      Payload payload = payload(m, k, nested);
      if (payload instanceof ConditionTask && (retries != 0)) {
        p.add(m.keyLoc("max_retries"), "task '" + k + "': a condition_task is never retried;"
            + " remove max_retries.");
      }
      if (payload == null || key.isEmpty()) {
        return new Read(null, key.orElse(null), deps, m.loc());
      }
      return new Read(new TaskSpec(key.get(), deps, runIf, description, disabled, timeout,
          (int) Math.max(-1, Math.min(retries, Integer.MAX_VALUE)), interval, retryOnTimeout,
          payload, extras(m, taskExtKeys), m.loc()), key.get(), deps, m.loc());
    }

    private Payload payload(YMap m, String k, boolean nested) {
      List<String> present = new ArrayList<>();
      for (String key : m.keys()) {
        if (BUILTIN_PAYLOADS.contains(key) || payloadTypes.containsKey(key)
            || isWorkspacePayload(key)) {
          present.add(key);
        }
      }
      if (present.isEmpty()) {
        p.add(m.loc(), "task '" + k + "' has nothing to run; give it one of: "
            + String.join(", ", localKinds()) + ".");
        return null;
      }
      boolean standIn = present.contains(ShellTask.KEY);
      List<String> local = present.stream().filter(x -> !isWorkspacePayload(x)
          && !(standIn && STAND_IN_YIELDS.contains(x))).toList();
      if (present.size() > 1 && local.size() != 1) {
        p.add(m.keyLoc(present.get(1)), "task '" + k + "' has several payloads ("
            + String.join(", ", present) + "); a task has exactly one"
            + (local.size() == present.size() ? "." : ", or one that andon runs beside ones"
                + " that only a Databricks workspace runs."));
        return null;
      }
      // a local payload beside workspace ones is their stand-in here (a target can add it)
      String type = local.isEmpty() ? present.get(0) : local.get(0);
      Loc at = m.keyLoc(type);
      if (isWorkspacePayload(type)) {
        p.add(at, "task '" + k + "': " + type + " runs only in a Databricks workspace, so andon"
            + " cannot run it here. Replace it with a shell_task (for example `command: python"
            + " my_notebook.py`), or put one beside it, which andon runs instead (in a bundle, a"
            + " target of its own can add it).");
        return null;
      }
      Optional<YMap> body = p.map(m, type);
      if (body.isEmpty()) {
        if (m.get(type).map(n -> n instanceof YScalar s && s.isNull()).orElse(false)) {
          p.add(at, "task '" + k + "': " + type + " is empty.");
        }
        return null;
      }
      YMap b = body.get();
      switch (type) {
        case ShellTask.KEY:
          return shell(b);
        case ConditionTask.KEY:
          return condition(b, k);
        case ForEachTask.KEY:
          if (nested) {
            p.add(at, "task '" + k + "': a for_each_task cannot hold another for_each_task.");
            return null;
          }
          return forEach(b, k);
        case RunJobTask.KEY:
          return runJob(b, k, base);
        default:
          return payloadTypes.get(type).parse(b, m, jobMap, p, base).orElse(null);
      }
    }

    private ShellTask shell(YMap b) {
      p.unknownKeys(b, Set.of("command", "env", "working_dir", "keep_background_processes"),
          "shell_task");
      Optional<String> cmd = p.requiredString(b, "command", "shell_task");
      Map<String, String> env = new LinkedHashMap<>();
      p.map(b, "env").ifPresent(e -> e.values().forEach(en -> {
        if (!ENV_NAME.matcher(en.key()).matches()) {
          p.add(en.keyLoc(), "environment variable name '" + en.key() + "' is not valid.");
        }
        p.scalarText(en.value(), "env '" + en.key() + "'").ifPresent(v -> env.put(en.key(), v));
      }));
      boolean keep = p.bool(b, "keep_background_processes").orElse(false);
      return cmd.map(c -> new ShellTask(c, env, p.string(b, "working_dir"), keep)).orElse(null);
    }

    private ConditionTask condition(YMap b, String k) {
      p.unknownKeys(b, Set.of("left", "op", "right"), "condition_task");
      Optional<String> left = p.requiredString(b, "left", "condition_task");
      Optional<String> right = p.requiredString(b, "right", "condition_task");
      Optional<String> op = p.requiredString(b, "op", "condition_task");
      ConditionTask.Op o = null;
      if (op.isPresent()) {
        try {
          o = ConditionTask.Op.valueOf(op.get());
        } catch (IllegalArgumentException e) {
          List<String> names = new ArrayList<>();
          for (ConditionTask.Op x : ConditionTask.Op.values()) {
            names.add(x.name());
          }
          p.add(b.get("op").get().loc(), "task '" + k + "': op '" + op.get() + "' is not one of "
              + String.join(", ", names) + "." + io.andon.util.Strings.didYouMean(op.get(), names));
        }
      }
      if (left.isEmpty() || right.isEmpty() || o == null) {
        return null;
      }
      return new ConditionTask(left.get(), o, right.get());
    }

    private ForEachTask forEach(YMap b, String k) {
      p.unknownKeys(b, Set.of("inputs", "concurrency", "task"), "for_each_task");
      String inputs = null;
      Optional<YNode> in = b.get("inputs");
      if (in.isEmpty()) {
        p.add(b.loc(), "task '" + k + "': for_each_task needs 'inputs' (a JSON array or a"
            + " reference to one).");
      } else if (in.get() instanceof YList l) {
        inputs = Json.write(toJson(l));
      } else {
        inputs = p.scalarText(in.get(), "inputs").orElse(null);
        if (inputs != null && Reference.findAll(inputs).isEmpty()) {
          try {
            JsonNode j = Json.read(inputs);
            if (!j.isArray()) {
              p.add(in.get().loc(), "task '" + k + "': inputs must be a JSON array, not " + inputs
                  + ".");
            }
          } catch (IOException e) {
            p.add(in.get().loc(), "task '" + k + "': inputs is not JSON (" + firstLine(e) + ").");
          }
        }
      }
      long concRaw = p.integer(b, "concurrency").orElse(1);
      if (concRaw < 1 || concRaw > 100) {
        p.add(b.keyLoc("concurrency"), "task '" + k + "': concurrency must be from 1 to 100.");
        concRaw = 1;
      }
      final long conc = concRaw;
      Optional<YMap> tm = p.map(b, "task");
      if (tm.isEmpty()) {
        if (!b.has("task")) {
          p.add(b.loc(), "task '" + k + "': for_each_task needs a nested 'task'.");
        }
        return null;
      }
      Optional<TaskSpec> nested = task(tm.get(), true);
      if (nested.isEmpty() || inputs == null) {
        return null;
      }
      return new ForEachTask(inputs, (int) conc, nested.get());
    }

    private RunJobTask runJob(YMap b, String k, Path base) {
      if (b.has("job_id")) {
        p.add(b.keyLoc("job_id"), "task '" + k + "': run_job_task.job_id names a job in a"
            + " Databricks workspace; andon runs a job file: use 'job_file: path/to/job.yml'.");
        return null;
      }
      p.unknownKeys(b, Set.of("job_file", "job_key", "job_parameters"), "run_job_task");
      Optional<String> f = p.requiredString(b, "job_file", "run_job_task");
      Map<String, String> params = new LinkedHashMap<>();
      p.map(b, "job_parameters").ifPresent(jp -> jp.values().forEach(e ->
          p.scalarText(e.value(), "job parameter '" + e.key() + "'")
              .ifPresent(v -> params.put(e.key(), v))));
      if (f.isEmpty()) {
        return null;
      }
      Path child = base.resolve(f.get()).normalize();
      Loc at = b.get("job_file").get().loc();
      Optional<String> childKey = p.string(b, "job_key");
      // without a job_key, a file on the chain is the same job (or fails to pick one anyway)
      String self = child.toAbsolutePath() + "#";
      if (childKey.isPresent() ? chain.contains(self + childKey.get())
          : chain.stream().anyMatch(x -> x.startsWith(self))) {
        List<String> names = new ArrayList<>();
        chain.descendingIterator().forEachRemaining(x -> names.add(chainName(x)));
        names.add(chainName(self + childKey.orElse("")));
        p.add(at, "task '" + k + "': run_job_task makes a cycle of jobs: "
            + String.join(" -> ", names) + ".");
        return null;
      }
      try {
        JobSpec childJob = load(child, childKey, bundle, true, chain);
        for (String name : params.keySet()) {
          if (childJob.parameters().stream().noneMatch(x -> x.name().equals(name))) {
            p.add(b.keyLoc("job_parameters"), "task '" + k + "': job " + childJob.name()
                + " has no parameter '" + name + "'.");
          }
        }
        return new RunJobTask(childJob, params);
      } catch (InvalidInputException e) {
        p.add(at, "task '" + k + "': the job it runs is not valid: " + e.getMessage());
        return null;
      }
    }

    /**
     * Missing dependencies, outcomes on non-conditions, cycles. The dependencies of a task with
     * problems of its own ({@code broken}) and of a task whose key is taken ({@code twice}) are
     * checked too, and a dependency on a broken task is not called missing: its own problems say
     * what to fix.
     */
    private void graph(JobSpec job, YMap m, Map<String, Read> broken, List<Read> twice) {
      Map<String, TaskSpec> byKey = new HashMap<>();
      for (TaskSpec t : job.tasks()) {
        byKey.put(t.taskKey(), t);
      }
      for (TaskSpec t : job.tasks()) {
        dependencies(t.taskKey(), t.dependsOn(), t.loc(), byKey, broken);
      }
      for (Read r : broken.values()) {
        dependencies(r.key(), r.deps(), r.loc(), byKey, broken);
      }
      for (Read r : twice) {
        dependencies(r.key(), r.deps(), r.loc(), byKey, broken);
      }
      Dag dag = Dag.of(job.tasks());
      if (dag.order().size() < dag.size()) {
        dag.findCycle().ifPresent(c -> p.add(m.keyLoc("tasks"), "the tasks form a cycle: "
            + String.join(" -> ", c) + " (each task depends on the next); remove one of these"
            + " dependencies."));
      }
    }

    private void dependencies(String key, List<Dependency> deps, Loc loc,
        Map<String, TaskSpec> byKey, Map<String, Read> broken) {
      Set<String> seen = new HashSet<>();
      for (Dependency d : deps) {
        TaskSpec up = byKey.get(d.taskKey());
        if (!seen.add(d.taskKey())) {
          p.add(loc, "task '" + key + "' lists dependency '" + d.taskKey() + "' twice.");
        }
        if (up == null && !broken.containsKey(d.taskKey())) {
          p.add(loc, "task '" + key + "' depends on '" + d.taskKey()
              + "', which is not a task of this job." + io.andon.util.Strings.didYouMean(
                  d.taskKey(), Stream.concat(byKey.keySet().stream(), broken.keySet().stream())
                      .sorted().toList()));
        } else if (up != null && d.outcome().isPresent()
            && !(up.payload() instanceof ConditionTask)) {
          p.add(loc, "task '" + key + "' depends on '" + d.taskKey() + "' with an outcome, but '"
              + d.taskKey() + "' is not a condition_task; remove 'outcome'.");
        }
        if (d.taskKey().equals(key)) {
          p.add(loc, "task '" + key + "' depends on itself.");
        }
      }
    }

    /** Every reference names something that exists and that the task may see. */
    private void references(JobSpec job, List<Parameter> params, Set<String> broken) {
      Set<String> paramNames = new LinkedHashSet<>();
      params.forEach(x -> paramNames.add(x.name()));
      Dag dag = Dag.of(job.tasks());
      for (int i = 0; i < job.tasks().size(); i++) {
        TaskSpec t = job.tasks().get(i);
        if (t.payload() instanceof ForEachTask fe) {
          // inputs are resolved on the for_each task; {{input}} exists only in its nested task
          checkRefs(job, dag, i, t, fe.inputs(), paramNames, broken, false);
          for (String s : fe.task().payload().templates()) {
            checkRefs(job, dag, i, t, s, paramNames, broken, true);
          }
        } else {
          for (String s : t.payload().templates()) {
            checkRefs(job, dag, i, t, s, paramNames, broken, false);
          }
        }
      }
    }

    private void checkRefs(JobSpec job, Dag dag, int i, TaskSpec t, String s,
        Set<String> paramNames, Set<String> broken, boolean inForEach) {
      boolean[] up = null;
      for (Reference r : Reference.findAll(s)) {
        String where = "task '" + t.taskKey() + "': " + r.text();
        List<String> path = r.path();
        switch (r.namespace()) {
          case "job" -> {
            if (path.size() == 3 && path.get(1).equals("parameters")) {
              if (!paramNames.contains(path.get(2))) {
                p.add(t.loc(), where + " names parameter '" + path.get(2) + "', which the job"
                    + " does not declare." + io.andon.util.Strings.didYouMean(path.get(2),
                        paramNames));
              }
            } else if (path.size() > 2 && path.get(1).equals("trigger")
                && !References.JOB_FIELDS.contains(String.join(".", path.subList(1,
                    path.size())))) {
              p.add(t.loc(), where + " exists only for a run that a trigger starts; andon run"
                  + " starts its run itself (trigger.type is ONE_TIME), so it has no value here.");
            } else if (!References.JOB_FIELDS.contains(String.join(".", path.subList(1,
                path.size())))) {
              p.add(t.loc(), where + " is not a job reference; known: "
                  + String.join(", ", References.JOB_FIELDS) + ", parameters.<name>.");
            }
          }
          case "task" -> {
            if (path.size() != 2 || !References.TASK_FIELDS.contains(path.get(1))) {
              p.add(t.loc(), where + " is not a task reference; known: task."
                  + String.join(", task.", References.TASK_FIELDS) + ".");
            }
          }
          case "tasks" -> {
            boolean shape = path.size() == 3 && References.TASKS_FIELDS.contains(path.get(2))
                || path.size() == 4 && path.get(2).equals("values");
            if (path.size() >= 3 && path.get(2).equals("output")) {
              // where a payload that records outputs (a notebook's exit value) plugs in
              p.add(t.loc(), where + " reads the output of task '" + path.get(1) + "', which andon"
                  + " does not record for this task; publish it as a task value and read"
                  + " {{tasks." + path.get(1) + ".values.<name>}}.");
              break;
            }
            if (!shape) {
              p.add(t.loc(), where + " should read tasks.<task_key>.values.<name> or"
                  + " tasks.<task_key>." + String.join("|", References.TASKS_FIELDS) + ".");
              break;
            }
            Optional<Integer> j = dag.indexOf(path.get(1));
            if (j.isEmpty() && broken.contains(path.get(1))) {
              break; // a task with problems of its own, reported where it stands
            }
            if (j.isEmpty()) {
              p.add(t.loc(), where + " names task '" + path.get(1) + "', which is not a task of"
                  + " this job." + io.andon.util.Strings.didYouMean(path.get(1),
                      job.tasks().stream().map(TaskSpec::taskKey).toList()));
              break;
            }
            if (up == null) {
              up = dag.upstreamClosure(i);
            }
            if (!up[j.get()]) {
              p.add(t.loc(), where + " reads task '" + path.get(1) + "', which task '"
                  + t.taskKey() + "' does not depend on (directly or not); add it to depends_on"
                  + " so its value exists when this task runs.");
            }
          }
          case "input" -> {
            if (!inForEach) {
              p.add(t.loc(), where + " exists only in the task inside a"
                  + " for_each_task.");
            }
          }
          default -> { }
        }
      }
    }
  }

  static JsonNode toJson(YNode n) {
    if (n instanceof YMap m) {
      var o = Json.object();
      m.values().forEach(e -> o.set(e.key(), toJson(e.value())));
      return o;
    }
    if (n instanceof YList l) {
      var a = Json.mapper().createArrayNode();
      l.items().forEach(x -> a.add(toJson(x)));
      return a;
    }
    YScalar s = (YScalar) n;
    var f = Json.mapper().getNodeFactory();
    return switch (s.type()) {
      case NULL -> f.nullNode();
      case BOOL -> f.booleanNode(Boolean.parseBoolean(s.text()));
      case INT -> f.numberNode(new java.math.BigInteger(s.text()));
      case FLOAT -> f.numberNode(new java.math.BigDecimal(s.text()));
      case STRING -> f.textNode(s.text());
    };
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** A chain entry as a message shows it: the file's name, and the job's key in a bundle. */
  private static String chainName(String entry) {
    int hash = entry.lastIndexOf('#');
    String name = Path.of(entry.substring(0, hash)).getFileName().toString();
    return hash == entry.length() - 1 ? name : name + " (" + entry.substring(hash + 1) + ")";
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
