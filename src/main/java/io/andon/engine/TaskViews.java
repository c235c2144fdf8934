package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.Dag;
import io.andon.job.ResultState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The results of a run's top-level tasks as they finish, for the references and task values that
 * other tasks read. The scheduling thread publishes each task once, when it finishes, as an
 * immutable {@link View}; an attempt gets a {@link Snapshot} taken on the scheduling thread when it
 * is dispatched, and sees through it exactly the tasks that had finished then, from whichever
 * thread it runs on.
 */
final class TaskViews {
  /** A finished task: its result and the values it published, never changed after. */
  record View(int seq, ResultState result, Map<String, JsonNode> values) {}

  private final Dag dag;
  private final AtomicReferenceArray<View> views;
  private int published; // the scheduling thread's only

  TaskViews(Dag dag) {
    this.dag = dag;
    this.views = new AtomicReferenceArray<>(dag.size());
  }

  /** Task {@code index} has finished with {@code result}: from the scheduling thread only. */
  void publish(int index, ResultState result, Map<String, JsonNode> values) {
    views.set(
        index,
        new View(published++, result, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
  }

  /** The tasks finished until now: from the scheduling thread only. */
  Snapshot snapshot() {
    return new Snapshot(published);
  }

  /** The finished tasks of the run at one moment; safe to read from any thread. */
  final class Snapshot {
    private final int upTo;

    private Snapshot(int upTo) {
      this.upTo = upTo;
    }

    /** Whether the job has a task {@code taskKey}, finished or not. */
    boolean exists(String taskKey) {
      return dag.indexOf(taskKey).isPresent();
    }

    /** Task {@code taskKey}, when it had finished at this moment. */
    Optional<View> finished(String taskKey) {
      return dag.indexOf(taskKey).map(views::get).filter(v -> v.seq() < upTo);
    }

    /** The values of every task finished at this moment, by task_key, in the job's order. */
    Map<String, Map<String, JsonNode>> values() {
      Map<String, Map<String, JsonNode>> out = new LinkedHashMap<>();
      for (int i = 0; i < dag.size(); i++) {
        View v = views.get(i);
        if (v != null && v.seq() < upTo) {
          out.put(dag.key(i), v.values());
        }
      }
      return out;
    }
  }
}
