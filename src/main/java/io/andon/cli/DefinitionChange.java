package io.andon.cli;

import io.andon.job.JobSpec;
import io.andon.job.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a job's definition changed between the one a run last ran with and the job file now: tasks
 * added, removed and edited (positions in the file aside).
 */
record DefinitionChange(
    List<String> added, List<String> removed, List<String> edited, boolean jobSettings) {
  DefinitionChange {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    edited = List.copyOf(edited);
  }

  static DefinitionChange between(JobSpec before, JobSpec now) {
    Map<String, String> was = tasks(before);
    Map<String, String> is = tasks(now);
    List<String> added = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    is.forEach(
        (k, v) -> {
          if (!was.containsKey(k)) {
            added.add(k);
          } else if (!was.get(k).equals(v)) {
            edited.add(k);
          }
        });
    List<String> removed = was.keySet().stream().filter(k -> !is.containsKey(k)).toList();
    boolean settings =
        added.isEmpty()
            && removed.isEmpty()
            && edited.isEmpty()
            && !before.source().equals(now.source());
    return new DefinitionChange(added, removed, edited, settings);
  }

  /** Each task as text, without the positions that move when lines above it change. */
  private static Map<String, String> tasks(JobSpec job) {
    Map<String, String> out = new LinkedHashMap<>();
    for (TaskSpec t : job.tasks()) {
      String text = t.toString();
      text = text.replaceAll(Pattern.quote(t.loc().file()) + ":\\d+:\\d+", "");
      out.put(t.taskKey(), text);
    }
    return out;
  }

  /** One line for the user when anything changed. */
  Optional<String> line(String file, long runId) {
    List<String> parts = new ArrayList<>();
    if (!added.isEmpty()) {
      parts.add("tasks added: " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      parts.add("removed: " + String.join(", ", removed));
    }
    if (!edited.isEmpty()) {
      parts.add("edited: " + String.join(", ", edited));
    }
    if (jobSettings) {
      parts.add("job settings edited, no task");
    }
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of(
            file
                + " changed since run "
                + runId
                + " ran ("
                + String.join("; ", parts)
                + "); repairing with the file as it is now"
                + " (--stored-definition repairs with the run's).");
  }
}
