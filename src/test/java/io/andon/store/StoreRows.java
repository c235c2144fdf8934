package io.andon.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Reads a query's rows out of a store as text, for tests to assert on. */
public final class StoreRows {
  private StoreRows() {}

  /** Every row of {@code sql}, its columns as text joined by one space, in the query's order. */
  public static List<String> rows(Store store, String sql) {
    return store.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              StringJoiner row = new StringJoiner(" ");
              for (int i = 1; i <= columns; i++) {
                row.add(String.valueOf(rs.getString(i)));
              }
              out.add(row.toString());
            }
          }
          return out;
        });
  }

  /** The first row of {@code sql} as {@link #rows} gives it; fails when the query has none. */
  public static String first(Store store, String sql) {
    List<String> rows = rows(store, sql);
    if (rows.isEmpty()) {
      throw new AssertionError("no row from: " + sql);
    }
    return rows.get(0);
  }
}
