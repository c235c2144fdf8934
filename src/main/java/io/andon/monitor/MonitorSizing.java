package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.InputSize;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a monitor run holds the values of the numeric columns it reads in bulk: every value, or
 * sketches, or sketches above a size in the table and baseline together.
 *
 * @param mode exact, sketches, or chosen by size
 * @param aboveMillions million values in the table and the baseline together above which {@link
 *     Mode#AUTO} reads sketches
 */
public record MonitorSizing(Mode mode, long aboveMillions) {
  /** Million values in the table and the baseline together above which AUTO reads sketches. */
  public static final long DEFAULT_ABOVE = 500;

  /** How a run holds the values of the numeric columns it reads in bulk. */
  public enum Mode {
    /** Every value, sorted: exact metrics, memory growing with the rows. */
    EXACT,
    /** Sketches: metrics within the sketches' error, memory bounded by the columns. */
    SKETCH,
    /** Sketches above {@link MonitorSizing#aboveMillions()} million values, else exact. */
    AUTO
  }

  public MonitorSizing {
    Objects.requireNonNull(mode, "mode");
    if (aboveMillions < 0) {
      throw new InvalidInputException(
          "invalid option: --sketch-above must be 0 or more, got " + aboveMillions + ".");
    }
  }

  /** Exact up to the default size, sketches above it. */
  public static MonitorSizing automatic() {
    return new MonitorSizing(Mode.AUTO, DEFAULT_ABOVE);
  }

  /**
   * Whether to read the numeric columns into sketches: asked, or above the size in the table and
   * baseline together, which a warning (and a progress line) then says.
   */
  boolean sketched(
      DataSource table,
      Optional<DataSource> base,
      List<String> warnings,
      Consumer<String> progress) {
    if (mode != Mode.AUTO) {
      if (mode == Mode.SKETCH) {
        warnings.add(
            "numeric columns profiled and compared from sketches (--sketch): quantiles, distinct"
                + " counts, frequent values and drift metrics within the sketches' error"
                + " (docs/monitoring.md, Scale).");
      }
      return mode == Mode.SKETCH;
    }
    long values = InputSize.values(table) + base.map(InputSize::values).orElse(0L);
    if (values <= aboveMillions * 1_000_000) {
      return false;
    }
    String notice =
        "the table and baseline hold about "
            + values / 1_000_000
            + " million values, more than "
            + aboveMillions
            + " million (--sketch-above): numeric columns profiled and compared from sketches"
            + " (streaming mode, memory bounded by the columns), quantiles, distinct counts,"
            + " frequent values and drift metrics within the sketches' error (docs/monitoring.md,"
            + " Scale); pass --exact to hold every value (about 16 bytes of memory per value).";
    warnings.add(notice);
    progress.accept(notice);
    return true;
  }
}
