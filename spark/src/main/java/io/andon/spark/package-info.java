/**
 * andon's monitor on Apache Spark: {@link io.andon.spark.SparkEngine} runs a monitor file over a
 * table of any size and returns the same profile and drift rows as the single-machine engine. Exact
 * metrics (counts, nulls, NaN, zeros, averages, standard deviations, min, max, model quality) are
 * Spark aggregates; those whose exact value needs all values sorted or kept (quantiles, KS,
 * Wasserstein, PSI edges, distinct counts, frequent items) come from DataSketches merged across
 * partitions ({@link io.andon.spark.NumericState}, {@link io.andon.spark.CategoricalState}). The
 * states and aggregators run on executors and use DataSketches and Spark only.
 */
package io.andon.spark;
