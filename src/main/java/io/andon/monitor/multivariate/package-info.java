/**
 * Multivariate drift, after NannyML: {@link io.andon.monitor.multivariate.PcaReconstruction} (how
 * badly a PCA fitted on the reference rebuilds each chunk) and {@link
 * io.andon.monitor.multivariate.DomainClassifier} (how well a model tells a chunk from the
 * reference). Both read the standardized design of {@code io.andon.monitor.chunk.Design} (numeric
 * and one-hot categorical columns) and learn their alert bands from the reference's chunks.
 */
package io.andon.monitor.multivariate;
