/**
 * The job model: what a job file says, loaded and validated once. This is the first step of every
 * run: <b>load</b> (here) -&gt; <b>validate</b> (here) -&gt; execute ({@code io.andon.engine})
 * -&gt; store ({@code io.andon.store}) -&gt; report ({@code io.andon.cli} and the features).
 *
 * <p>{@link io.andon.job.JobLoader} reads a bare job, a Databricks Asset Bundle or a Jobs API
 * document (through {@code io.andon.yaml}, which keeps every value's line and column) into a {@link
 * io.andon.job.JobSpec}: parameters, {@link io.andon.job.TaskSpec tasks} with their {@link
 * io.andon.job.Payload}, {@code depends_on}, {@code run_if}, retries and timeouts, the task graph
 * ({@link io.andon.job.Dag}, built once) and what starts the job by itself ({@code schedule},
 * {@code trigger} or {@code continuous}, read with {@code io.andon.schedule.TriggerParser}). The
 * loader is a facade over its steps: {@code JobDocument} finds the job in the file (a bundle's job
 * with its substitutions made by {@code Bundle} and {@code BundleSubstitution}, over the target
 * {@code BundleTarget} chooses and the variables {@code BundleVariables} declares); {@code
 * JobReader} reads the job's settings and checks the whole ({@code GraphChecks}: dependencies and
 * cycles; {@code ReferenceChecks}: every {@code {{...}}}); {@code TaskReader} reads each task, its
 * payload by the {@link io.andon.job.PayloadType} of its key, built-in ones ({@code shell_task},
 * {@code condition_task}, {@code for_each_task}, {@code run_job_task}, which loads its child job
 * through the loader again) as well as contributed ones. Every problem is collected and reported at
 * once with file:line:column; a loaded job is known to be a DAG whose references ({@code
 * {{tasks.KEY.values.NAME}}}, {@code {{job.parameters.NAME}}}) all name something that exists.
 *
 * <p>Other packages extend the format without this package knowing them: a {@link
 * io.andon.job.PayloadType} adds a payload kind ({@code gate_task}, {@code monitor_task}, ...), a
 * {@link io.andon.job.JobExtension} adds job- and task-level keys (notifications); both are found
 * with {@link java.util.ServiceLoader}.
 *
 * <p>Threading: loading runs on the calling thread; the loaded model is immutable and may be shared
 * between threads.
 */
package io.andon.job;
