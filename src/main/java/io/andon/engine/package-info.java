/**
 * The job engine: runs a loaded job, or repairs one of its runs, as the Databricks Jobs service
 * would. The flow of a run: load and validate ({@code io.andon.job}) -&gt; <b>execute</b> (here)
 * -&gt; store ({@code io.andon.store}, written as it goes) -&gt; report (the listeners and {@code
 * io.andon.cli}).
 *
 * <p>{@link io.andon.engine.Executor} is the entry point: {@code run} takes a {@link
 * io.andon.engine.RunRequest} (the job, parameter overrides, what started it, whom to tell the
 * run's id), {@code repair} a {@code RepairRequest}, {@code cancel} stops what runs. {@code
 * RunAdmission} commits a new run, honouring {@code max_concurrent_runs} and the queue; {@code
 * RepairStart} chooses and commits what a repair re-runs. The executor then hands the run to its
 * scheduling loop, {@code RunLoop}, with what the loop needs ({@code RunFacts}, the run's immutable
 * facts; {@code RunServices}, the store, listeners, slots, timers and payload runners). A task
 * starts as soon as its dependencies and its {@code run_if} rule ({@code Decisions}, {@link
 * io.andon.engine.RunIfRules}) allow, at most {@code maxParallel} at once; {@code for_each} tasks
 * fan out into iterations ({@code ForEachTasks}), {@code run_job_task} runs a child job, a failed
 * attempt is retried after its interval, a cancel or the job's timeout stops the run ({@code
 * Cancellation}), and {@code RunEnd} commits its result. Every state change goes through the run's
 * journal ({@code RunJournal}) and is committed to the store before it is acted on, so that a run
 * survives a crash of andon: {@link io.andon.engine.Recovery} closes abandoned runs at the next
 * command, ready for a repair.
 *
 * <p>An attempt runs by its kind: a shell command ({@code ShellAttempts}), a child job ({@code
 * ChildJobAttempt}) or a payload that a feature contributes ({@code PayloadAttempt}, through the
 * {@link io.andon.engine.PayloadRunner} found with {@link java.util.ServiceLoader}); its log and
 * values files are named by {@code AttemptLogs}; payloads and child jobs run on the run's {@code
 * WorkerAttempts}. Shell attempts go through one {@code ShellLauncher}: {@code NativeShells} (the
 * native launcher's thread, where it was built) or {@code WorkerShells} ({@link
 * java.lang.ProcessBuilder} on a worker).
 *
 * <p>Threading: one scheduling thread owns every task's state ({@code Unit}): only it calls a
 * unit's methods, each named for a step of the task's life (begin an attempt, running, wait for a
 * retry, end, mark dirty, record a pid, expand a for_each task). Other threads hold a unit only to
 * hand it back in an event. What they may touch is the unit's {@code LiveAttempt}, the volatile
 * state of its running attempt: the process or child run they started, the kill the scheduling
 * thread asked for, a native attempt's timeout, the pid to commit. Shell tasks are started and
 * reaped by a launching thread of their own, every other payload runs on a worker thread. An
 * attempt is given, when it is dispatched, immutable snapshots: of its unit ({@code AttemptView}:
 * key, spec, attempt number, input, log file, and the {@code LiveAttempt}), of the tasks that had
 * finished ({@code TaskViews}), and a {@code Resolver} over them, so that it reads task values and
 * references from any thread without a race. Workers, the launching thread and the {@link
 * io.andon.engine.Timers} (retries, task and job timeouts, on an injected clock) report back to the
 * scheduling thread through an event queue ({@code LoopEvent}). {@link
 * io.andon.engine.RunListener}s (progress, notifications) are called on the scheduling thread.
 */
package io.andon.engine;
