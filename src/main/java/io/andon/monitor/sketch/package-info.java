/**
 * Streaming profiles from mergeable sketches (Apache DataSketches), so that memory grows with the
 * number of columns, not rows, and profiles of partitions merge into the profile of the whole.
 *
 * <p>Per numeric column: a KLL quantiles sketch (Karnin, Lang, Liberty, "Optimal Quantile
 * Approximation in Streams", FOCS 2016; k = 200: normalised rank error about 1.65% at 99%
 * confidence for a single rank), an HLL distinct count (Flajolet et al. 2007; 2^12 registers,
 * Ertl's improved estimator, 2017: relative error about 1.6%), and exact counts, sums and extremes.
 * Per categorical column: a frequent-items sketch (Anderson et al., "A High-Performance Algorithm
 * for Identifying Frequent Items in Data Streams", IMC 2017) and an HLL sketch.
 *
 * <p>Numeric values reach the KLL sketch in sorted batches compacted in one move ({@code
 * KllBatch}): the error of the compactions KLL would have made on the batch's levels, made fewer
 * times, so the rank error above holds.
 *
 * <p>Drift from sketches: PSI and JS bins are cut at the baseline sketch's quantiles and filled
 * from both sketches' CDFs; the KS statistic is the largest CDF gap over both sketches' retained
 * quantile grids; Wasserstein-1 is the integral of |Q1(u) - Q2(u)| over a grid of ranks.
 */
package io.andon.monitor.sketch;
