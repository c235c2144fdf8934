/**
 * andon's monitor on Apache Spark: {@link io.andon.spark.SparkEngine} runs a monitor file over a
 * table of any size (Parquet, CSV, JSON lines or Delta) and returns the same profile and drift rows
 * as the single-machine engine, optionally appended to Delta tables ({@link
 * io.andon.spark.DeltaExport}). Exact metrics (counts, nulls, NaN, zeros, averages, standard
 * deviations, min, max, model quality) are Spark aggregates; those whose exact value needs all
 * values sorted or kept (quantiles, KS, Wasserstein, PSI edges, distinct counts, frequent items)
 * come from the values themselves in groups of at most {@value
 * io.andon.spark.NumericState#EXACT_MAX} values, and from DataSketches merged across partitions
 * beyond ({@link io.andon.spark.NumericState}, {@link io.andon.spark.CategoricalState}), within the
 * bounds of {@link io.andon.spark.DriftBounds}. The states and aggregators run on executors and use
 * DataSketches and Spark only.
 */
package io.andon.spark;
