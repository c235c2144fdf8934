package io.andon.engine;

import io.andon.store.RunStore;
import io.andon.store.Store;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What a run's scheduling loop is given by its {@link Executor} when it is made: the store, the
 * listeners, the slots and timers, the payload runners and how to make a child executor.
 *
 * @param children a child executor for a run_job_task of the run with the given id
 */
record RunServices(
    Store store,
    RunStore runs,
    List<RunListener> listeners,
    int maxParallel,
    Timers timers,
    Function<String, Optional<PayloadRunner>> runners,
    LongFunction<Executor> children) {
  RunServices {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(runs, "runs");
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(timers, "timers");
    Objects.requireNonNull(runners, "runners");
    Objects.requireNonNull(children, "children");
  }
}
