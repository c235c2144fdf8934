/**
 * Data-quality checks, the ones a data scientist runs before looking at drift: duplicated rows and
 * columns, constant and all-null columns, values outside the baseline's range (or declared bounds),
 * categories outside the baseline's list, type changes, and columns that went missing or appeared.
 * Each check is a {@link io.andon.monitor.quality.QualityCheck} with a count, a share and whether
 * it failed; {@link io.andon.monitor.quality.DataQuality} computes them in DuckDB SQL over the
 * loaded tables, with the per-column summaries (count, missing, distinct, mean, std, min,
 * quantiles, max) that the reports show for both sides.
 *
 * <p>Range and list checks tolerate a small share of new values against the baseline ({@link
 * io.andon.monitor.quality.DataQuality#TOLERANCE}), since a fresh sample of the same distribution
 * exceeds the baseline's extremes about half of the time; declared bounds tolerate none.
 */
package io.andon.monitor.quality;
