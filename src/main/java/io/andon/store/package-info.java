/**
 * andon's durable history: one SQLite file ({@code andon.db}) under the andon home, in WAL mode,
 * with numbered migrations applied at open ({@link io.andon.store.Store}). In the flow of a run,
 * load -&gt; validate -&gt; execute -&gt; <b>store</b> -&gt; report, the engine writes here as it
 * goes: runs, tasks, attempts and repairs ({@link io.andon.store.RunStore}), each state change
 * committed before it is acted on; the features keep their own tables in the same file (gate
 * evaluations, drift metrics, the notification outbox). Everything that reports a run (the {@code
 * runs} commands, the notifications, the alerts) reads it back from here.
 *
 * <p>Threading: a {@link io.andon.store.Store} has one JDBC connection, used under the store's
 * lock, so any thread may call it; SQLite serialises writers across processes, and a store locked
 * by another andon process is waited for ({@code andon.store.busyTimeoutMs}, 10 s) before it is
 * reported.
 */
package io.andon.store;
