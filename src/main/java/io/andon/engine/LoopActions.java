package io.andon.engine;

import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import java.util.Optional;

/**
 * What the parts of a run's scheduling (its shell launcher, its for_each iterations) may do to the
 * loop that owns them. Called on the scheduling thread only.
 */
interface LoopActions {
  /** The run's clock, in epoch milliseconds. */
  long now();

  /** How many attempts hold a slot now. */
  int running();

  /** An attempt takes one more slot ({@code +1}) or gives one back ({@code -1}). */
  void slots(int delta);

  /** A new attempt of {@code u}: its number and its log file. */
  void beginAttempt(Unit u);

  /** The attempt of {@code u} runs since {@code start}: committed next, and listeners told. */
  void attemptRunning(Unit u, long start);

  /** The attempt of {@code u} ended with {@code r} at {@code end}: its slot is free. */
  void attemptDone(Unit u, AttemptResult r, long end);

  /** {@code u} ends in {@code state} with {@code result}, without running (again). */
  void end(Unit u, LifeCycleState state, ResultState result, String message);

  /** {@code u} may start: it joins the tasks ready to start, in the job's order. */
  void ready(Unit u);

  /** A resolver of {@code u}'s references, over the tasks finished now. */
  Resolver resolver(Unit u);

  /** {@code u} changed: written by the next commit. */
  void markDirty(Unit u);

  /** Why the run is being stopped, once it is: canceled, or timed out. */
  Optional<LoopEvent.Cancel> stopping();
}
