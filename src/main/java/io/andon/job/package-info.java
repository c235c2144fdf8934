/**
 * The job model: what a job file says, loaded and validated once. This is the first step of every
 * run: <b>load</b> (here) -&gt; <b>validate</b> (here) -&gt; execute ({@code io.andon.engine}) -&gt;
 * store ({@code io.andon.store}) -&gt; report ({@code io.andon.cli} and the features).
 *
 * <p>{@link io.andon.job.JobLoader} reads a bare job or a Databricks Asset Bundle (through {@code
 * io.andon.yaml}, which keeps every value's line and column) into a {@link io.andon.job.JobSpec}:
 * parameters, {@link io.andon.job.TaskSpec tasks} with their {@link io.andon.job.Payload}, {@code
 * depends_on}, {@code run_if}, retries and timeouts. Every problem is collected and reported at
 * once with file:line:column; a loaded job is known to be a DAG ({@link io.andon.job.Dag}) whose
 * references ({@code {{tasks.KEY.values.NAME}}}, {@code {{job.parameters.NAME}}}) all name
 * something that exists.
 *
 * <p>Other packages extend the format without this package knowing them: a {@link
 * io.andon.job.PayloadType} adds a payload kind ({@code gate_task}, {@code monitor_task}, ...), a
 * {@link io.andon.job.JobExtension} adds job- and task-level keys (notifications, health rules);
 * both are found with {@link java.util.ServiceLoader}.
 *
 * <p>Threading: loading runs on the calling thread; the loaded model is immutable and may be
 * shared between threads.
 */
package io.andon.job;
