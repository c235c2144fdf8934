package io.andon.monitor.quality;

import io.andon.monitor.data.Duck;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the caller already knows of some columns, from values it has read: the data-quality checks
 * take it from here instead of scanning the table again.
 */
public interface KnownColumns {
  /** Knows nothing: every check asks DuckDB. */
  KnownColumns NONE =
      new KnownColumns() {
        @Override
        public Optional<ColumnSummary> summary(Duck.Table t, Duck.ColumnInfo c) {
          return Optional.empty();
        }

        @Override
        public OptionalLong outside(Duck.Table t, Duck.ColumnInfo c, double lo, double hi) {
          return OptionalLong.empty();
        }
      };

  /** The summary of column {@code c} of table {@code t}, if known. */
  Optional<ColumnSummary> summary(Duck.Table t, Duck.ColumnInfo c);

  /** How many values of column {@code c} of table {@code t} are below lo or above hi, if known. */
  OptionalLong outside(Duck.Table t, Duck.ColumnInfo c, double lo, double hi);
}
