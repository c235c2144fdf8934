/**
 * Performance estimation without labels, after NannyML: {@link io.andon.monitor.estimate.Cbpe}
 * (confidence-based performance estimation) estimates a binary classifier's accuracy, precision,
 * recall, F1 and ROC AUC from its calibrated probabilities ({@link
 * io.andon.monitor.estimate.Isotonic}); {@link io.andon.monitor.estimate.Dle} (direct loss
 * estimation) estimates a regressor's MAE and MSE with a model of its error fitted on the
 * reference. Both learn their alert bands from the realized metrics of the reference chunks.
 */
package io.andon.monitor.estimate;
