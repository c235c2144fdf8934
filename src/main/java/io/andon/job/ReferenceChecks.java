package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Problems;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that every {@code {{...}}} reference of a job's tasks names something that exists and that
 * the task may see: a declared parameter, a known job or task field, a value of a task it depends
 * on (directly or not), {@code {{input}}} only inside a for_each_task.
 */
final class ReferenceChecks {
  private final Problems p;
  private final JobSpec job;
  private final Set<String> paramNames = new LinkedHashSet<>();

  /** Tasks with problems of their own, reported where they stand. */
  private final Set<String> broken;

  ReferenceChecks(Problems problems, JobSpec job, Set<String> broken) {
    this.p = problems;
    this.job = job;
    this.broken = broken;
    job.parameters().forEach(x -> paramNames.add(x.name()));
  }

  void check() {
    for (int i = 0; i < job.tasks().size(); i++) {
      TaskSpec t = job.tasks().get(i);
      if (t.payload() instanceof ForEachTask fe) {
        // inputs are resolved on the for_each task; {{input}} exists only in its nested task
        new Task(i, t, false).check(fe.inputs());
        Task nested = new Task(i, t, true);
        fe.task().payload().templates().forEach(nested::check);
      } else {
        Task task = new Task(i, t, false);
        t.payload().templates().forEach(task::check);
      }
    }
  }

  /** The references of one task, its upstream closure computed once when first needed. */
  private final class Task {
    private final int i;
    private final TaskSpec t;
    private final boolean inForEach;
    private boolean[] up;

    Task(int i, TaskSpec t, boolean inForEach) {
      this.i = i;
      this.t = t;
      this.inForEach = inForEach;
    }

    void check(String s) {
      for (Reference r : Reference.findAll(s)) {
        String where = "task '" + t.taskKey() + "': " + r.text();
        List<String> path = r.path();
        switch (r.namespace()) {
          case "job" -> job(where, path);
          case "task" -> {
            if (path.size() != 2 || !References.TASK_FIELDS.contains(path.get(1))) {
              p.add(
                  t.loc(),
                  where
                      + " is not a task reference; known: task."
                      + String.join(", task.", References.TASK_FIELDS)
                      + ".");
            }
          }
          case "tasks" -> tasks(where, path);
          case "input" -> {
            if (!inForEach) {
              p.add(t.loc(), where + " exists only in the task inside a for_each_task.");
            }
          }
          default -> {}
        }
      }
    }

    private void job(String where, List<String> path) {
      String field = String.join(".", path.subList(1, path.size()));
      if (path.size() == 3 && path.get(1).equals("parameters")) {
        if (!paramNames.contains(path.get(2))) {
          p.add(
              t.loc(),
              where
                  + " names parameter '"
                  + path.get(2)
                  + "', which the job"
                  + " does not declare."
                  + Strings.didYouMean(path.get(2), paramNames));
        }
      } else if (path.size() > 2
          && path.get(1).equals("trigger")
          && !References.JOB_FIELDS.contains(field)) {
        p.add(
            t.loc(),
            where
                + " is not a trigger reference; known: trigger.type,"
                + " trigger.time.<part>, trigger.file_arrival.location.");
      } else if (!References.JOB_FIELDS.contains(field)) {
        p.add(
            t.loc(),
            where
                + " is not a job reference; known: "
                + String.join(", ", References.JOB_FIELDS)
                + ", parameters.<name>.");
      }
    }

    private void tasks(String where, List<String> path) {
      boolean shape =
          path.size() == 3 && References.TASKS_FIELDS.contains(path.get(2))
              || path.size() == 4 && path.get(2).equals("values");
      if (path.size() >= 3 && path.get(2).equals("output")) {
        // where a payload that records outputs (a notebook's exit value) plugs in
        p.add(
            t.loc(),
            where
                + " reads the output of task '"
                + path.get(1)
                + "', which andon"
                + " does not record for this task; publish it as a task value and read"
                + " {{tasks."
                + path.get(1)
                + ".values.<name>}}.");
        return;
      }
      if (!shape) {
        p.add(
            t.loc(),
            where
                + " should read tasks.<task_key>.values.<name> or"
                + " tasks.<task_key>."
                + String.join("|", References.TASKS_FIELDS)
                + ".");
        return;
      }
      Optional<Integer> j = job.dag().indexOf(path.get(1));
      if (j.isEmpty() && broken.contains(path.get(1))) {
        return; // a task with problems of its own, reported where it stands
      }
      if (j.isEmpty()) {
        p.add(
            t.loc(),
            where
                + " names task '"
                + path.get(1)
                + "', which is not a task of"
                + " this job."
                + Strings.didYouMean(
                    path.get(1), job.tasks().stream().map(TaskSpec::taskKey).toList()));
        return;
      }
      if (up == null) {
        up = job.dag().upstreamClosure(i);
      }
      if (!up[j.get()]) {
        p.add(
            t.loc(),
            where
                + " reads task '"
                + path.get(1)
                + "', which task '"
                + t.taskKey()
                + "' does not depend on (directly or not); add it to depends_on"
                + " so its value exists when this task runs.");
      }
    }
  }
}
