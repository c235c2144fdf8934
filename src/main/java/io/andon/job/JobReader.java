package io.andon.job;

import io.andon.schedule.JobTrigger;
import io.andon.util.Background;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one job mapping into a {@link JobSpec}: its settings, parameters and tasks (through a
 * {@link TaskReader}), then checks the whole: unique task keys, the graph, the references, and the
 * keys {@link JobExtension}s own. Every problem goes to the {@link Problems} given.
 */
final class JobReader {
  static final Set<String> JOB_KEYS =
      Set.of(
          "name",
          "description",
          "parameters",
          "tasks",
          "max_concurrent_runs",
          "timeout_seconds",
          "tags",
          "queue",
          "health");

  /** Jobs with this many tasks or more are read on two threads. */
  static final int PARALLEL_TASKS = 2000;

  private final Path file;
  private final Path base;
  private final Problems p;
  private final List<JobExtension> extensions;
  private final Set<String> jobExtKeys = new HashSet<>();
  private final TaskReader tasks;

  /**
   * @param file the file given
   * @param base the folder relative paths start from: that of the file holding the job
   * @param tasks reads the job's task items, adding its problems to {@code problems}
   */
  JobReader(
      Path file, Path base, Problems problems, List<JobExtension> extensions, TaskReader tasks) {
    this.file = file;
    this.base = base;
    this.p = problems;
    this.extensions = extensions;
    this.tasks = tasks;
    extensions.forEach(e -> jobExtKeys.addAll(e.jobKeys()));
  }

  JobSpec job(YMap m, Optional<String> key, String source, BundleSettings resolved) {
    Set<String> allowed = new TreeSet<>(JOB_KEYS);
    allowed.addAll(TriggerReader.KEYS);
    allowed.addAll(IgnoredKeys.JOB.keySet());
    allowed.addAll(jobExtKeys);
    boolean python =
        m.get("tasks").filter(t -> t instanceof YList).stream()
            .flatMap(t -> ((YList) t).items().stream())
            .anyMatch(t -> t instanceof YMap tm && TaskReader.runsPython(tm));
    for (YMap.Entry e : m.values()) {
      if (!(python && e.key().equals("environments"))) {
        IgnoredKeys.job(e.key()).ifPresent(kind -> p.ignored(e.keyLoc(), kind, e.key()));
      }
    }
    tasks.checkKeys(m, allowed, "the job");
    String name = p.string(m, "name").orElse(key.orElse(stem(file)));
    List<Parameter> params = parameters(m);
    long timeout = tasks.nonNegative(m, "timeout_seconds", 0);
    long maxConc = tasks.nonNegative(m, "max_concurrent_runs", 1);
    boolean queue = false;
    Optional<YMap> q = p.map(m, "queue");
    if (q.isPresent()) {
      p.unknownKeys(q.get(), Set.of("enabled"), "queue");
      queue = p.bool(q.get(), "enabled").orElse(false);
    }
    Map<String, String> tags = new LinkedHashMap<>();
    p.map(m, "tags")
        .ifPresent(
            t ->
                t.values()
                    .forEach(
                        e ->
                            p.scalarText(e.value(), "tag '" + e.key() + "'")
                                .ifPresent(v -> tags.put(e.key(), v))));
    Map<String, YNode> extras = TaskReader.extras(m, jobExtKeys);
    HealthRules health = HealthReader.read(m.get("health"), "the job", p);
    Optional<JobTrigger> trigger = new TriggerReader(p, base).read(m);

    if (!m.has("tasks")) {
      p.add(m.loc(), "the job has no 'tasks'; add a list of tasks, each with a task_key.");
    }
    List<TaskSpec> specs = new ArrayList<>();
    Map<String, TaskRead> broken = new LinkedHashMap<>();
    List<TaskRead> twice = new ArrayList<>();
    Map<String, Loc> seen = new HashMap<>();
    List<YNode> items = p.list(m, "tasks");
    List<Optional<TaskRead>> reads = read(items);
    for (int i = 0; i < items.size(); i++) {
      Optional<TaskRead> r = reads.get(i);
      if (r.isEmpty() || r.get().key().isEmpty()) {
        continue;
      }
      String k = r.get().key().get();
      Loc first = seen.putIfAbsent(k, r.get().loc());
      if (first != null) {
        p.add(
            ((YMap) items.get(i)).keyLoc("task_key"),
            "task_key '"
                + k
                + "' is used twice"
                + " (first at line "
                + first.line()
                + "); task keys must be unique.");
        twice.add(r.get());
      } else if (r.get().spec().isPresent()) {
        specs.add(r.get().spec().get());
      } else {
        broken.put(k, r.get());
      }
    }
    if (m.has("tasks") && specs.isEmpty() && p.isEmpty()) {
      p.add(m.keyLoc("tasks"), "the job has no tasks; add at least one.");
    }
    JobSpec job =
        new JobSpec(
            name,
            file,
            key,
            params,
            specs,
            new Dag(specs),
            (int) Math.min(maxConc, 1000000),
            queue,
            timeout,
            tags,
            extras,
            health,
            trigger,
            source,
            resolved,
            base,
            List.of());
    new GraphChecks(p).check(job, m, broken, twice);
    new ReferenceChecks(p, job, broken.keySet()).check();
    Map<String, Map<String, YNode>> taskExtras = new LinkedHashMap<>();
    for (TaskSpec t : specs) {
      taskExtras.put(t.taskKey(), t.extras());
    }
    for (JobExtension e : extensions) {
      e.validate(job, extras, taskExtras, p);
    }
    return job;
  }

  /**
   * Each item as a task, or empty where it is not even a mapping (its problems reported). A long
   * list is read in two halves on two threads, the second with problems of its own that join these:
   * problems are listed in file order, so the result is the same as one pass.
   */
  private List<Optional<TaskRead>> read(List<YNode> items) {
    int n = items.size();
    if (n < PARALLEL_TASKS) {
      return read(tasks, items);
    }
    TaskReader other = tasks.copy();
    CompletableFuture<List<Optional<TaskRead>>> second =
        Background.start("andon-load-half", () -> read(other, items.subList(n / 2, n)));
    List<Optional<TaskRead>> all = new ArrayList<>(read(tasks, items.subList(0, n / 2)));
    all.addAll(Background.join(second));
    p.addAll(other.problems());
    return all;
  }

  private static List<Optional<TaskRead>> read(TaskReader reader, List<YNode> items) {
    List<Optional<TaskRead>> out = new ArrayList<>(items.size());
    for (YNode n : items) {
      out.add(reader.problems().map(n, "a task").map(tm -> reader.read(tm, false)));
    }
    return out;
  }

  private List<Parameter> parameters(YMap m) {
    List<Parameter> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (YNode n : p.list(m, "parameters")) {
      p.map(n, "a parameter")
          .ifPresent(
              pm -> {
                p.unknownKeys(pm, Set.of("name", "default"), "a parameter");
                Optional<String> name = p.requiredString(pm, "name", "a parameter");
                if (!pm.has("default")) {
                  p.add(pm.loc(), "parameter '" + name.orElse("?") + "' needs a 'default'.");
                }
                String def = p.string(pm, "default").orElse("");
                name.ifPresent(
                    nm -> {
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

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
