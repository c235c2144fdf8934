package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checks of a job's graph: missing and repeated dependencies, outcomes on tasks that are not
 * conditions, a task depending on itself, and cycles (with their path).
 */
final class GraphChecks {
  private final Problems p;

  GraphChecks(Problems problems) {
    this.p = problems;
  }

  /**
   * Checks {@code job}. The dependencies of a task with problems of its own ({@code broken}) and of
   * a task whose key is taken ({@code twice}) are checked too, and a dependency on a broken task is
   * not called missing: its own problems say what to fix.
   */
  void check(JobSpec job, YMap m, Map<String, TaskRead> broken, Collection<TaskRead> twice) {
    Map<String, TaskSpec> byKey = new HashMap<>();
    for (TaskSpec t : job.tasks()) {
      byKey.put(t.taskKey(), t);
    }
    for (TaskSpec t : job.tasks()) {
      dependencies(t.taskKey(), t.dependsOn(), t.loc(), byKey, broken);
    }
    for (TaskRead r : broken.values()) {
      dependencies(r.key().orElseThrow(), r.deps(), r.loc(), byKey, broken);
    }
    for (TaskRead r : twice) {
      dependencies(r.key().orElseThrow(), r.deps(), r.loc(), byKey, broken);
    }
    Dag dag = job.dag();
    if (dag.order().size() < dag.size()) {
      dag.findCycle()
          .ifPresent(
              c ->
                  p.add(
                      m.keyLoc("tasks"),
                      "the tasks form a cycle: "
                          + String.join(" -> ", c)
                          + " (each task depends on the next); remove one of these"
                          + " dependencies."));
    }
  }

  private void dependencies(
      String key,
      List<Dependency> deps,
      Loc loc,
      Map<String, TaskSpec> byKey,
      Map<String, TaskRead> broken) {
    Set<String> seen = new HashSet<>();
    for (Dependency d : deps) {
      TaskSpec up = byKey.get(d.taskKey());
      if (!seen.add(d.taskKey())) {
        p.add(loc, "task '" + key + "' lists dependency '" + d.taskKey() + "' twice.");
      }
      if (up == null && !broken.containsKey(d.taskKey())) {
        p.add(
            loc,
            "task '"
                + key
                + "' depends on '"
                + d.taskKey()
                + "', which is not a task of this job."
                + Strings.didYouMean(
                    d.taskKey(),
                    Stream.concat(byKey.keySet().stream(), broken.keySet().stream())
                        .sorted()
                        .toList()));
      } else if (up != null
          && d.outcome().isPresent()
          && !(up.payload() instanceof ConditionTask)) {
        p.add(
            loc,
            "task '"
                + key
                + "' depends on '"
                + d.taskKey()
                + "' with an outcome, but '"
                + d.taskKey()
                + "' is not a condition_task; remove 'outcome'.");
      }
      if (d.taskKey().equals(key)) {
        p.add(loc, "task '" + key + "' depends on itself.");
      }
    }
  }
}
