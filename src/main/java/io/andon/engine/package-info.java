/**
 * The job engine: runs a loaded job, or repairs one of its runs, as the Databricks Jobs service
 * would. The flow of a run: load and validate ({@code io.andon.job}) -&gt; <b>execute</b> (here)
 * -&gt; store ({@code io.andon.store}, written as it goes) -&gt; report (the listeners and {@code
 * io.andon.cli}).
 *
 * <p>{@link io.andon.engine.Executor} is the entry point: it creates the run in the store, honours
 * {@code max_concurrent_runs} and the queue, and hands the run to its scheduling loop. A task
 * starts as soon as its dependencies and its {@code run_if} rule ({@link
 * io.andon.engine.RunIfRules}) allow, at most {@code maxParallel} at once; {@code for_each} tasks
 * fan out into iterations, {@code run_job_task} runs a child job, a failed attempt is retried
 * after its interval, and every state change is committed to the store before it is acted on, so
 * that a run survives a crash of andon: {@link io.andon.engine.Recovery} closes abandoned runs at
 * the next command, ready for a repair.
 *
 * <p>Threading: one scheduling thread owns every task's state. Shell tasks are started and
 * reaped by a launching thread of their own (the native launcher where it was built, else
 * {@link java.lang.ProcessBuilder}); every other payload runs on a worker thread, through the
 * {@link io.andon.engine.PayloadRunner} that the payload's package contributes (found with {@link
 * java.util.ServiceLoader}). Both report back to the scheduling thread through an event queue; a
 * timer thread posts retries and timeouts to the same queue. {@link io.andon.engine.RunListener}s
 * (progress, notifications) are called on the scheduling thread.
 */
package io.andon.engine;
