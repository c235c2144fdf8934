package io.andon.monitor;

import io.andon.monitor.TableComparison.Planned;
import io.andon.monitor.data.Columns;
import io.andon.monitor.data.Duck;
import io.andon.monitor.data.NumericColumns;
import io.andon.monitor.quality.KnownColumns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of the compared columns of both sides. The columns of a number type on both sides are
 * read in bulk, one scan per side; the others (categories, text compared as numbers) one by one.
 */
final class ColumnsRead {
  private final Map<String, ColumnSample> base;
  private final Map<String, ColumnSample> cur;
  private final Map<String, Duck.ColumnInfo> baseTypes;
  private final Map<String, Duck.ColumnInfo> curTypes;

  private ColumnsRead(
      Map<String, ColumnSample> base,
      Map<String, ColumnSample> cur,
      Map<String, Duck.ColumnInfo> baseTypes,
      Map<String, Duck.ColumnInfo> curTypes) {
    this.base = base;
    this.cur = cur;
    this.baseTypes = baseTypes;
    this.curTypes = curTypes;
  }

  static ColumnsRead of(
      List<Planned> plans, Duck.Table b, Duck.Table c, Columns cols, NumericColumns bulk) {
    Map<String, ColumnSample> base = new HashMap<>();
    Map<String, ColumnSample> cur = new HashMap<>();
    Map<String, Duck.ColumnInfo> baseTypes = new HashMap<>();
    Map<String, Duck.ColumnInfo> curTypes = new HashMap<>();
    List<Duck.ColumnInfo> nb = new ArrayList<>();
    List<Duck.ColumnInfo> nc = new ArrayList<>();
    for (Planned p : plans) {
      if (!p.compared()) {
        continue;
      }
      if (p.numeric() && p.base().isNumeric() && p.cur().isNumeric()) {
        nb.add(p.base());
        nc.add(p.cur());
        baseTypes.put(p.name(), p.base());
        curTypes.put(p.name(), p.cur());
      } else if (p.numeric()) {
        base.put(p.name(), cols.numeric(b, p.base()));
        cur.put(p.name(), cols.numeric(c, p.cur()));
      } else {
        base.put(p.name(), cols.categorical(b, p.base()));
        cur.put(p.name(), cols.categorical(c, p.cur()));
      }
    }
    if (!nb.isEmpty()) {
      List<Map<String, NumericSample>> read =
          bulk.read(List.of(new NumericColumns.Request(b, nb), new NumericColumns.Request(c, nc)));
      base.putAll(read.get(0));
      cur.putAll(read.get(1));
    }
    return new ColumnsRead(base, cur, baseTypes, curTypes);
  }

  ColumnSample base(String name) {
    return base.get(name);
  }

  ColumnSample cur(String name) {
    return cur.get(name);
  }

  /** What the bulk-read columns already tell the data-quality checks of tables b and c. */
  KnownColumns summaries(Duck.Table b, Duck.Table c) {
    Map<String, Map<String, NumericSample>> byTable = new HashMap<>();
    byTable.put(b.name(), numericOnly(base, baseTypes));
    byTable.put(c.name(), numericOnly(cur, curTypes));
    Map<String, Map<String, Duck.ColumnInfo>> types =
        Map.of(b.name(), baseTypes, c.name(), curTypes);
    return new SampleSummaries(byTable, types);
  }

  private static Map<String, NumericSample> numericOnly(
      Map<String, ColumnSample> samples, Map<String, Duck.ColumnInfo> bulk) {
    Map<String, NumericSample> out = new HashMap<>();
    for (String n : bulk.keySet()) {
      out.put(n, (NumericSample) samples.get(n));
    }
    return out;
  }
}
