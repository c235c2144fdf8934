package io.andon.job;

import io.andon.yaml.Loc;
import java.util.List;
import java.util.Optional;

/**
 * A task item as read: its spec, or empty when it has problems; then its key (empty when it has
 * none) and dependencies still take part in the checks of the whole job.
 */
record TaskRead(Optional<TaskSpec> spec, Optional<String> key, List<Dependency> deps, Loc loc) {
  TaskRead {
    deps = List.copyOf(deps);
  }
}
