/**
 * Drift monitoring, modelled on Databricks Lakehouse Monitoring: a monitor file ({@link
 * io.andon.monitor.MonitorLoader} into a {@link io.andon.monitor.MonitorSpec}) names a table, its
 * baseline, time windows, slices and custom metrics; {@link io.andon.monitor.MonitorRun} profiles
 * every window and compares it with the baseline and with the window before, and {@link
 * io.andon.monitor.MetricsStore} appends the rows to the store's {@code profile_metrics} and {@code
 * drift_metrics} tables, where alert rules ({@code io.andon.alert}) read them.
 *
 * <p>A monitor run's steps: {@link io.andon.monitor.MonitorColumns} chooses the columns and finds
 * the ids, {@link io.andon.monitor.Segments} the models and slices, {@link
 * io.andon.monitor.WindowPlan} cuts the {@link io.andon.monitor.Window}s of each granularity,
 * {@link io.andon.monitor.Profiler} profiles one group of rows into a {@link
 * io.andon.monitor.ColumnSample} and a {@link io.andon.monitor.ColumnProfile} per column (with
 * {@link io.andon.monitor.CustomMetrics} and {@link io.andon.monitor.ModelQualityQuery}), and the
 * samples of the same {@link io.andon.monitor.GroupKey} in the baseline and the window before are
 * compared ({@link io.andon.monitor.DriftAnalysis}).
 *
 * <p>Beside time windows, {@link io.andon.monitor.ChunkPlan} cuts the rows into chunks by size or
 * count ({@code io.andon.monitor.chunk}); {@link io.andon.monitor.ReferenceThresholds} learns drift
 * thresholds from the baseline's chunks, and {@link io.andon.monitor.ChunkedMethods} runs
 * performance estimation ({@code io.andon.monitor.estimate}: CBPE, DLE) and multivariate drift
 * ({@code io.andon.monitor.multivariate}: PCA reconstruction, domain classifier); their values are
 * {@link io.andon.monitor.ChunkedRow}s, stored in {@code chunk_metrics} by {@link
 * io.andon.monitor.ChunkMetricsStore}.
 *
 * <p>Inside a job, {@code monitor_task} ({@code io.andon.monitor.task}) is the execute step of the
 * flow load -&gt; validate -&gt; execute -&gt; store -&gt; report: it runs the monitor, stores its
 * metrics and returns the verdict as task values. {@code andon drift} compares two tables once
 * ({@link io.andon.monitor.TableComparison}, {@link io.andon.monitor.DriftAnalysis}) and reports in
 * text, JSON or HTML ({@code io.andon.monitor.report}).
 *
 * <p>The pieces: {@code io.andon.monitor.data} reads CSV, Parquet and JSON through DuckDB; {@code
 * io.andon.monitor.stats} holds the statistics (PSI, Jensen-Shannon, Kolmogorov-Smirnov,
 * chi-squared, Wasserstein); {@code io.andon.monitor.sketch} compares tables too large to hold, in
 * one streaming pass with bounded memory. Effect sizes decide drift; p-values only inform.
 *
 * <p>Threading: a monitor or a comparison runs on the calling thread (a worker thread in a job);
 * DuckDB may use several threads inside one query.
 */
package io.andon.monitor;
