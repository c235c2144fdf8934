package io.andon.monitor;

import io.andon.monitor.MonitorColumns.Column;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.data.Columns;
import io.andon.monitor.data.Duck;
import io.andon.monitor.data.NumericColumns;
import io.andon.monitor.data.Workers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Profiles one group of rows (a window, model and slice, or the baseline's): one profile row per
 * column, with its custom metrics, and a {@code :table} row with the row count, the model quality
 * of an inference log and the table-level custom metrics. Keeps each column's sample for drift.
 */
final class Profiler {
  /** The samples and profiles of one group's columns, by column name, and its profile rows. */
  record GroupProfile(
      Map<String, ColumnSample> samples,
      Map<String, ColumnProfile> profiles,
      List<ProfileRow> rows) {
    GroupProfile {
      samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
      profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
      rows = List.copyOf(rows);
    }

    Optional<ColumnSample> sample(String column) {
      return Optional.ofNullable(samples.get(column));
    }

    Optional<ColumnProfile> profile(String column) {
      return Optional.ofNullable(profiles.get(column));
    }

    /** The columns with at least one value (the {@code :table} row's non_null_columns). */
    Set<String> nonNullColumns() {
      return profiles.values().stream()
          .filter(p -> !p.columnName().equals(":table") && p.number("count").orElse(0) > 0)
          .map(ColumnProfile::columnName)
          .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
  }

  private final MonitorSpec spec;
  private final Columns columns;
  private final NumericColumns bulk;
  private final Optional<SketchedColumns> sketches;
  private final CustomMetrics custom;
  private final ModelQualityQuery quality;

  /**
   * A profiler whose numeric columns are sorted on {@code workers}, or, when {@code sketched}, read
   * into sketches there.
   */
  Profiler(MonitorSpec spec, Duck duck, CustomMetrics custom, Workers workers, boolean sketched) {
    this.spec = spec;
    this.columns = new Columns(duck);
    this.bulk = new NumericColumns(duck, workers);
    this.sketches = sketched ? Optional.of(new SketchedColumns(duck, workers)) : Optional.empty();
    this.custom = custom;
    this.quality = new ModelQualityQuery(spec, duck);
  }

  /**
   * Profiles the rows of {@code view}, whose columns are those of {@code owner}; a column {@code
   * owner} lacks is left out.
   */
  GroupProfile profile(
      Duck.Table view, Duck.Table owner, List<Column> cols, Group g, String logType) {
    return profile(view, Optional.empty(), owner, cols, g, logType);
  }

  /**
   * Profiles the rows of {@code view}; with {@code rest} (the other rows of the window and model,
   * when {@code view} is a protected group) an inference log's {@code :table} row gets the fairness
   * metrics too.
   */
  GroupProfile profile(
      Duck.Table view,
      Optional<Duck.Table> rest,
      Duck.Table owner,
      List<Column> cols,
      Group g,
      String logType) {
    Map<String, ColumnSample> samples = new LinkedHashMap<>();
    Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
    List<ProfileRow> rows = new ArrayList<>();
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("count", view.rows());
    if (spec.profileType() == MonitorSpec.ProfileType.INFERENCE_LOG) {
      table.putAll(quality.of(view));
      rest.ifPresent(r -> table.putAll(quality.fairness(view, r)));
    }
    Map<String, ? extends ColumnSample> numbers = numbers(view, owner, cols);
    for (Column c : cols) {
      Optional<Duck.ColumnInfo> info = owner.column(c.name());
      if (info.isEmpty()) {
        continue;
      }
      ColumnSample s =
          c.numeric()
              ? Optional.<ColumnSample>ofNullable(numbers.get(c.name()))
                  .orElseGet(() -> columns.numeric(view, info.get()))
              : columns.categorical(view, info.get());
      samples.put(c.name(), s);
      ColumnProfile p = s.profile(c.name());
      Map<String, Object> metrics = new LinkedHashMap<>(p.metrics());
      metrics.putAll(custom.aggregates(view, c.name(), metrics));
      p = new ColumnProfile(p.columnName(), p.dataType(), metrics);
      profiles.put(c.name(), p);
      rows.add(new ProfileRow(g, logType, c.name(), info.get().type(), p.metrics()));
    }
    table.put(
        "non_null_columns",
        profiles.values().stream()
            .filter(p -> p.number("count").orElse(0) > 0)
            .map(ColumnProfile::columnName)
            .toList());
    table.putAll(custom.aggregates(view, ":table", table));
    rows.add(new ProfileRow(g, logType, ":table", "table", table));
    profiles.put(":table", new ColumnProfile(":table", "table", table));
    return new GroupProfile(samples, profiles, rows);
  }

  /**
   * The numeric columns of a number type, read in one scan (as sorted values, or as sketches); a
   * text column read as numbers is parsed value by value apart.
   */
  private Map<String, ? extends ColumnSample> numbers(
      Duck.Table view, Duck.Table owner, List<Column> cols) {
    List<Duck.ColumnInfo> typed =
        cols.stream()
            .filter(Column::numeric)
            .flatMap(c -> owner.column(c.name()).stream())
            .filter(Duck.ColumnInfo::isNumeric)
            .toList();
    if (typed.isEmpty()) {
      return Map.of();
    }
    return sketches.isPresent()
        ? sketches.get().read(view, typed)
        : bulk.readHere(new NumericColumns.Request(view, typed));
  }
}
