package io.andon.monitor;

import io.andon.monitor.data.BulkScan;
import io.andon.monitor.data.Duck;
import io.andon.monitor.data.NumericColumns;
import io.andon.monitor.data.Workers;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Reads numeric columns into sketches: every asked column of a table in one streamed scan, batch by
 * batch, each batch's columns added to their sketches on the workers. Memory is one batch and one
 * sketch per column, whatever the rows.
 */
final class SketchedColumns {
  private final Duck duck;
  private final Workers workers;

  SketchedColumns(Duck duck, Workers workers) {
    this.duck = duck;
    this.workers = workers;
  }

  /**
   * The sketches of {@code columns} (all of a number type) over the rows of {@code t}, read on the
   * database's own connection (a monitor's windows are views only it sees), by column name.
   */
  Map<String, SketchedSample> read(Duck.Table t, List<Duck.ColumnInfo> columns) {
    int k = columns.size();
    SketchedSample[] out = new SketchedSample[k];
    double[][] batch = new double[k][];
    int[] sizes = new int[k];
    for (int i = 0; i < k; i++) {
      out[i] = new SketchedSample();
    }
    BulkScan.BatchSink sink =
        (c, values, n, rows) -> {
          if (batch[c] == null || batch[c].length < n) {
            batch[c] = new double[Math.max(n, values.length)];
          }
          System.arraycopy(values, 0, batch[c], 0, n);
          sizes[c] = n;
          if (c == k - 1) {
            List<Callable<Void>> adds = new ArrayList<>();
            for (int i = 0; i < k; i++) {
              int col = i;
              adds.add(
                  () -> {
                    out[col].addAll(batch[col], sizes[col], rows);
                    return null;
                  });
            }
            workers.all(adds);
          }
        };
    try {
      BulkScan.stream(
          duck.connection(),
          NumericColumns.select(t, columns),
          k,
          sink,
          BulkScan.choose(Math.multiplyExact(t.rows(), (long) k)));
    } catch (SQLException e) {
      throw NumericColumns.unreadable(t, e);
    }
    Map<String, SketchedSample> m = new LinkedHashMap<>();
    for (int i = 0; i < k; i++) {
      m.put(columns.get(i).name(), out[i]);
    }
    return m;
  }
}
