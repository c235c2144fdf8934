package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.Duck;
import io.andon.util.Strings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a monitor profiles, each numeric or categorical, and among them the ids: profiled,
 * never compared. Names the monitor file gives that the table does not have are invalid input.
 */
final class MonitorColumns {
  /** A profiled column and how it is read. */
  record Column(Duck.ColumnInfo info, boolean numeric) {
    String name() {
      return info.name();
    }
  }

  private MonitorColumns() {}

  static List<String> names(Duck.Table t) {
    return t.columns().stream().map(Duck.ColumnInfo::name).toList();
  }

  /**
   * The columns of {@code input} to profile: all but the timestamp, the model id and the ignored
   * ones, or those the monitor names in {@code columns}.
   */
  static List<Column> chosen(
      MonitorSpec spec, Duck.Table input, Optional<Duck.Table> baseline, List<String> warnings) {
    List<String> special = new ArrayList<>();
    spec.timestampCol().ifPresent(special::add);
    spec.modelIdCol().ifPresent(special::add);
    for (String c : spec.drift().ignore()) {
      if (input.column(c).isEmpty()) {
        throw new InvalidInputException(
            "ignore names '"
                + c
                + "', which "
                + input.source().describe()
                + " does not have."
                + Strings.didYouMean(c, names(input)));
      }
    }
    for (String c : spec.columns()) {
      if (input.column(c).isEmpty()) {
        throw new InvalidInputException(
            "columns names '"
                + c
                + "', which "
                + input.source().describe()
                + " does not have."
                + Strings.didYouMean(c, names(input)));
      }
    }
    for (Optional<String> c :
        List.of(
            spec.modelIdCol(), spec.predictionCol(), spec.labelCol(), spec.predictionProbaCol())) {
      if (c.isPresent() && input.column(c.get()).isEmpty()) {
        throw new InvalidInputException(
            "column '"
                + c.get()
                + "' named in the monitor is not a"
                + " column of "
                + input.source().describe()
                + "."
                + Strings.didYouMean(c.get(), names(input)));
      }
    }
    List<Column> out = new ArrayList<>();
    for (Duck.ColumnInfo c : input.columns()) {
      if (special.contains(c.name())
          || spec.drift().ignore().contains(c.name())
          || (!spec.columns().isEmpty() && !spec.columns().contains(c.name()))) {
        continue;
      }
      Optional<Boolean> numeric = numeric(spec, c);
      if (numeric.isEmpty()) {
        warnings.add(
            "column '"
                + c.name()
                + "' is "
                + c.type()
                + ": not profiled; list it under"
                + " 'categorical' to profile its text form.");
        continue;
      }
      if (baseline.isPresent() && baseline.get().column(c.name()).isEmpty()) {
        warnings.add(
            "column '"
                + c.name()
                + "' is not in the baseline_table; it gets no"
                + " BASELINE drift.");
      }
      out.add(new Column(c, numeric.get()));
    }
    return out;
  }

  private static Optional<Boolean> numeric(MonitorSpec spec, Duck.ColumnInfo c) {
    if (spec.numeric().contains(c.name())) {
      return Optional.of(true);
    }
    if (spec.categorical().contains(c.name())) {
      return Optional.of(false);
    }
    if (c.isNumeric()) {
      return Optional.of(true);
    }
    return c.isText() ? Optional.of(false) : Optional.empty();
  }

  /**
   * Integer and text columns with no value twice in the whole table (and in the baseline) are ids:
   * profiled, but left out of drift with a notice, unless the monitor names its columns.
   */
  static Set<String> ids(
      MonitorSpec spec,
      Duck duck,
      Duck.Table t,
      Optional<Duck.Table> baseline,
      List<Column> cols,
      List<String> warnings) {
    Set<String> ids = new LinkedHashSet<>();
    if (!spec.columns().isEmpty()) {
      return ids;
    }
    for (Column c : cols) {
      String name = c.name();
      Optional<Duck.ColumnInfo> bi = baseline.flatMap(b -> b.column(name));
      if (ColumnRoles.idType(c.info().type())
          && allDistinct(duck, t, name)
          && (baseline.isEmpty() || (bi.isPresent() && allDistinct(duck, baseline.get(), name)))) {
        ids.add(name);
        warnings.add(
            "column '"
                + name
                + "' looks like an id (every value distinct); profiled"
                + " but left out of drift. Name it in 'columns' to compare it anyway.");
      }
    }
    return ids;
  }

  private static boolean allDistinct(Duck duck, Duck.Table t, String column) {
    String c = Duck.ident(column);
    try (Statement s = duck.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count("
                    + c
                    + "), count(DISTINCT "
                    + c
                    + ") FROM "
                    + Duck.ident(t.name()))) {
      rs.next();
      return rs.getLong(1) >= ColumnRoles.MIN_VALUES && rs.getLong(1) == rs.getLong(2);
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot count the values of column '" + column + "': " + Duck.clean(e.getMessage()), e);
    }
  }
}
