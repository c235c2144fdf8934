package io.andon.monitor;

import java.util.Objects;
import java.util.Optional;

/**
 * What a window's group of rows is compared by: the model (empty when the monitor has no model id)
 * and the slice (empty key and value for the whole table). The same key in the baseline and in the
 * window before selects the rows to compare with.
 */
record GroupKey(Optional<String> modelId, Optional<String> sliceKey, Optional<String> sliceValue) {
  GroupKey {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(sliceKey, "sliceKey");
    Objects.requireNonNull(sliceValue, "sliceValue");
  }
}
