/**
 * Chunks and the tools of the chunked methods, after NannyML: {@link
 * io.andon.monitor.chunk.Chunking} cuts the rows of a table into chunks by size or by count (time
 * windows are cut by {@code io.andon.monitor.WindowPlan}), {@link
 * io.andon.monitor.chunk.StdThreshold} learns a metric's alert band from the chunks of the
 * reference (mean +/- k standard deviations), {@link io.andon.monitor.chunk.Frame} holds the rows
 * read from DuckDB, {@link io.andon.monitor.chunk.Design} turns them into a standardized numeric
 * matrix (one-hot categories), and {@link io.andon.monitor.chunk.Knn} and {@link
 * io.andon.monitor.chunk.Auc} are the small model and the ranking metric the estimators share.
 *
 * <p>Everything here is a pure computation on arrays, on the calling thread.
 */
package io.andon.monitor.chunk;
