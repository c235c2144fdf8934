/**
 * Quality gates: a named set of checks on metrics that passes only when every blocking check
 * passes. It is how a pipeline refuses to deploy a model that is not good enough and how CI refuses
 * a change whose code grade fell.
 *
 * <p>The plain Java API is {@link io.andon.gate.QualityGate} (built fluently or loaded from YAML
 * with {@link io.andon.gate.GatesFile}, which reads each check with {@link
 * io.andon.gate.CheckReader}), evaluated against a {@link io.andon.gate.MetricSource} into a {@link
 * io.andon.gate.GateResult}, which {@link io.andon.gate.ReportFormat} renders as text, JSON, JUnit
 * XML, Markdown or SARIF 2.1.0. A metric that cannot be found is never read as 0: its check is
 * {@link io.andon.gate.Status#NOT_MEASURED} and blocks unless the check allows it. NaN and
 * infinities are reported as such and never compared.
 *
 * <p>{@code andon gate} ({@code io.andon.cli.GateCommand}) and the {@code gate_task} job payload
 * ({@link io.andon.gate.GateTaskRunner}) are thin layers over that API. In a job, the gate is the
 * step that reads what earlier tasks measured (their task values, or files) and decides whether the
 * line goes on: load -&gt; validate -&gt; execute (the gate task fails the run's downstream tasks
 * when it fails) -&gt; store (the evaluation and each check, in {@code gate_evaluations} and {@code
 * gate_checks}) -&gt; report.
 *
 * <p>Threading: an evaluation runs on the calling thread (a worker thread in a job) and shares no
 * state.
 */
package io.andon.gate;
