package io.andon.monitor.quality;

import static io.andon.monitor.data.Duck.ident;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.Duck;
import io.andon.monitor.quality.QualityCheck.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Runs the data-quality checks of a current table against an optional baseline, in DuckDB SQL over
 * the loaded tables (see the package documentation for the rules).
 */
public final class DataQuality {
  /** The share of values outside the baseline's range or list that a check tolerates. */
  public static final double TOLERANCE = 0.01;

  /** Baselines with more distinct values than this are not lists: no out-of-list check. */
  static final int MAX_LIST = 1000;

  private final Duck duck;
  private final KnownColumns known;

  public DataQuality(Duck duck) {
    this(duck, KnownColumns.NONE);
  }

  /** Checks that take what {@code known} knows instead of scanning the tables for it. */
  public DataQuality(Duck duck, KnownColumns known) {
    this.duck = Objects.requireNonNull(duck, "duck");
    this.known = Objects.requireNonNull(known, "known");
  }

  private ColumnSummary summary(Duck.Table t, Duck.ColumnInfo ci) {
    return known.summary(t, ci).orElseGet(() -> ColumnSummary.of(duck, t, ci));
  }

  /**
   * Checks {@code cur} against {@code base}. {@code columns} are checked one by one; the schema
   * checks (missing and new columns) cover every column of both tables but those in {@code notData}
   * (timestamps, model ids). {@code bounds} replace the baseline's range of their columns.
   */
  public TableQuality check(
      Optional<Duck.Table> base,
      Duck.Table cur,
      Collection<String> columns,
      Set<String> notData,
      Map<String, Bounds> bounds) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cur, "cur");
    Objects.requireNonNull(bounds, "bounds");
    List<QualityCheck> out = new ArrayList<>();
    Map<String, ColumnSummary> sb = new LinkedHashMap<>();
    Map<String, ColumnSummary> sc = new LinkedHashMap<>();
    out.add(duplicatedRows(cur));
    base.ifPresent(b -> schema(b, cur, notData, out));
    List<ColumnSummary> checked = new ArrayList<>();
    for (String name : columns) {
      Optional<Duck.ColumnInfo> ci = cur.column(name);
      if (ci.isEmpty()) {
        continue;
      }
      ColumnSummary c = summary(cur, ci.get());
      sc.put(name, c);
      checked.add(c);
      Optional<Duck.ColumnInfo> bi = base.flatMap(b -> b.column(name));
      Optional<ColumnSummary> b = bi.map(x -> summary(base.get(), x));
      b.ifPresent(x -> sb.put(name, x));
      out.add(allNull(cur, c));
      out.add(constant(c));
      typeChanged(c, b).ifPresent(out::add);
      range(cur, ci.get(), c, b, Optional.ofNullable(bounds.get(name))).ifPresent(out::add);
      if (b.isPresent() && !ci.get().isNumeric() && !bi.get().isNumeric()) {
        outOfList(base.get(), cur, name, c, b.get()).ifPresent(out::add);
      }
    }
    out.addAll(duplicatedColumns(cur, checked));
    return new TableQuality(out, sb, sc);
  }

  private QualityCheck duplicatedRows(Duck.Table t) {
    long dup = RepeatedRows.count(t, sql -> longs(sql)[0]);
    return new QualityCheck(
        Kind.DUPLICATED_ROWS,
        QualityCheck.TABLE,
        dup,
        share(dup, t.rows()),
        dup > 0,
        dup == 0
            ? "no row repeats another"
            : dup + " of " + t.rows() + " rows repeat an earlier row in every column");
  }

  private static void schema(
      Duck.Table base, Duck.Table cur, Set<String> notData, List<QualityCheck> out) {
    int all = Math.max(1, base.columns().size());
    for (Duck.ColumnInfo c : base.columns()) {
      if (!notData.contains(c.name()) && cur.column(c.name()).isEmpty()) {
        out.add(
            new QualityCheck(
                Kind.MISSING_COLUMN,
                c.name(),
                1,
                1.0 / all,
                true,
                "column '"
                    + c.name()
                    + "' ("
                    + c.type()
                    + ") of the baseline is not in the current data"));
      }
    }
    for (Duck.ColumnInfo c : cur.columns()) {
      if (!notData.contains(c.name()) && base.column(c.name()).isEmpty()) {
        out.add(
            new QualityCheck(
                Kind.NEW_COLUMN,
                c.name(),
                1,
                1.0 / Math.max(1, cur.columns().size()),
                true,
                "column '" + c.name() + "' (" + c.type() + ") is not in the baseline"));
      }
    }
  }

  private static QualityCheck allNull(Duck.Table t, ColumnSummary c) {
    boolean failed = t.rows() > 0 && c.count() == 0;
    return new QualityCheck(
        Kind.ALL_NULL_COLUMN,
        c.columnName(),
        failed ? c.missing() : 0,
        failed ? 1.0 : 0.0,
        failed,
        failed
            ? "every one of the " + t.rows() + " values is null"
            : c.count() + " values, " + c.missing() + " nulls");
  }

  private static QualityCheck constant(ColumnSummary c) {
    boolean failed = c.count() > 0 && c.distinct() == 1;
    return new QualityCheck(
        Kind.CONSTANT_COLUMN,
        c.columnName(),
        failed ? c.count() : 0,
        failed ? 1.0 : 0.0,
        failed,
        failed
            ? "all " + c.count() + " values are one and the same"
            : c.distinct() + " distinct values");
  }

  private static Optional<QualityCheck> typeChanged(ColumnSummary c, Optional<ColumnSummary> b) {
    if (b.isEmpty() || b.get().count() == 0 || c.count() == 0) {
      return Optional.empty(); // a side with only nulls has no type of its own
    }
    boolean failed = !b.get().sqlType().equalsIgnoreCase(c.sqlType());
    return Optional.of(
        new QualityCheck(
            Kind.TYPE_CHANGED,
            c.columnName(),
            failed ? 1 : 0,
            failed ? 1.0 : 0.0,
            failed,
            failed
                ? "type changed from " + b.get().sqlType() + " in the baseline to " + c.sqlType()
                : "type " + c.sqlType() + " on both sides"));
  }

  private Optional<QualityCheck> range(
      Duck.Table cur,
      Duck.ColumnInfo ci,
      ColumnSummary c,
      Optional<ColumnSummary> b,
      Optional<Bounds> declared) {
    if (!ci.isNumeric() || c.count() == 0) {
      return Optional.empty();
    }
    double lo;
    double hi;
    String from;
    if (declared.isPresent()) {
      lo = declared.get().min();
      hi = declared.get().max();
      from = "the declared bounds";
    } else if (b.isPresent() && b.get().min().isPresent() && b.get().max().isPresent()) {
      lo = b.get().min().getAsDouble();
      hi = b.get().max().getAsDouble();
      from = "the baseline's range";
    } else {
      return Optional.empty();
    }
    String x = "CAST(" + ident(ci.name()) + " AS DOUBLE)";
    long n =
        known
            .outside(cur, ci, lo, hi)
            .orElseGet(
                () ->
                    longs(
                        String.format(
                            Locale.ROOT,
                            "SELECT count(*) FILTER (WHERE %s < %s OR %s > %s) FROM %s",
                            x,
                            lit(lo),
                            x,
                            lit(hi),
                            ident(cur.name())))[0]);
    double share = share(n, c.count());
    boolean failed = declared.isPresent() ? n > 0 : share > TOLERANCE;
    return Optional.of(
        new QualityCheck(
            Kind.OUT_OF_RANGE,
            c.columnName(),
            n,
            share,
            failed,
            n
                + " of "
                + c.count()
                + " values outside "
                + from
                + " ["
                + num(lo)
                + ", "
                + num(hi)
                + "]"
                + (declared.isPresent() ? "" : " (tolerated up to " + pct(TOLERANCE) + ")")));
  }

  private Optional<QualityCheck> outOfList(
      Duck.Table base, Duck.Table cur, String name, ColumnSummary c, ColumnSummary b) {
    if (b.distinct() == 0 || b.distinct() > MAX_LIST || c.count() == 0) {
      return Optional.empty();
    }
    String v = "CAST(" + ident(name) + " AS VARCHAR)";
    String outside =
        " FROM "
            + ident(cur.name())
            + " WHERE "
            + v
            + " IS NOT NULL AND "
            + v
            + " NOT IN (SELECT DISTINCT "
            + v
            + " FROM "
            + ident(base.name())
            + " WHERE "
            + v
            + " IS NOT NULL)";
    long n = longs("SELECT count(*)" + outside)[0];
    List<String> examples = strings("SELECT DISTINCT " + v + outside + " ORDER BY 1 LIMIT 5");
    double share = share(n, c.count());
    return Optional.of(
        new QualityCheck(
            Kind.OUT_OF_LIST,
            name,
            n,
            share,
            share > TOLERANCE,
            n == 0
                ? "every value is one of the baseline's " + b.distinct() + " categories"
                : n
                    + " of "
                    + c.count()
                    + " values are categories the baseline lacks ("
                    + String.join(", ", examples.stream().map(e -> "'" + e + "'").toList())
                    + (examples.size() == 5 ? ", ..." : "")
                    + "; tolerated up to "
                    + pct(TOLERANCE)
                    + ")"));
  }

  /** Columns equal row by row to an earlier column of the same type (with values). */
  private List<QualityCheck> duplicatedColumns(Duck.Table cur, List<ColumnSummary> cols) {
    List<QualityCheck> out = new ArrayList<>();
    List<ColumnSummary> seen = new ArrayList<>();
    for (ColumnSummary c : cols) {
      Optional<ColumnSummary> twin = Optional.empty();
      if (c.count() > 0) {
        for (ColumnSummary s : seen) {
          if (s.sqlType().equals(c.sqlType())
              && s.count() == c.count()
              && s.distinct() == c.distinct()
              && sameOrderStatistics(s, c)
              && longs(
                      "SELECT count(*) FILTER (WHERE "
                          + ident(s.columnName())
                          + " IS DISTINCT FROM "
                          + ident(c.columnName())
                          + ") FROM "
                          + ident(cur.name()))[0]
                  == 0) {
            twin = Optional.of(s);
            break;
          }
        }
      }
      seen.add(c);
      out.add(
          new QualityCheck(
              Kind.DUPLICATED_COLUMN,
              c.columnName(),
              twin.isPresent() ? 1 : 0,
              twin.isPresent() ? 1.0 : 0.0,
              twin.isPresent(),
              twin.map(t -> "equal row by row to column '" + t.columnName() + "'")
                  .orElse("differs from every column before it")));
    }
    return out;
  }

  /**
   * Whether two summaries agree on min and max (exact in every summary, a sketched one's too):
   * columns equal row by row hold the same values, so a difference there settles it without
   * scanning the table.
   */
  private static boolean sameOrderStatistics(ColumnSummary a, ColumnSummary b) {
    return same(a.min(), b.min()) && same(a.max(), b.max());
  }

  /** Both absent, or both present and equal as numbers (-0.0 equal to 0.0, as in SQL). */
  private static boolean same(OptionalDouble a, OptionalDouble b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || a.getAsDouble() == b.getAsDouble());
  }

  private long[] longs(String sql) {
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long[] out = new long[rs.getMetaData().getColumnCount()];
      for (int i = 0; i < out.length; i++) {
        out[i] = rs.getLong(i + 1);
      }
      return out;
    } catch (SQLException e) {
      throw error(sql, e);
    }
  }

  private List<String> strings(String sql) {
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw error(sql, e);
    }
  }

  private static InvalidInputException error(String sql, SQLException e) {
    return new InvalidInputException(
        "data-quality check failed (" + sql + "): " + Duck.clean(e.getMessage()), e);
  }

  private static String lit(double v) {
    return Double.isInfinite(v) ? (v > 0 ? "'inf'::DOUBLE" : "'-inf'::DOUBLE") : Double.toString(v);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : Math.min(1.0, (double) part / whole);
  }

  private static String num(double v) {
    return io.andon.monitor.DriftAnalysis.fmt(v);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }
}
