package io.andon.ui.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** How a metric row's group (drift type, granularity, window, model, slice) reads on a page. */
final class Groups {
  private Groups() {}

  /** "BASELINE 1 day 2026-01-05 model=v2 country=FR": the parts the row has. */
  static String label(ResultSet rs) throws SQLException {
    List<String> parts = new ArrayList<>();
    parts.add(rs.getString("drift_type"));
    parts.add(rs.getString("granularity"));
    String start = rs.getString("window_start");
    if (start != null) {
      parts.add(day(start));
    }
    String model = rs.getString("model_id");
    if (model != null) {
      parts.add("model=" + model);
    }
    String key = rs.getString("slice_key");
    if (key != null) {
      parts.add(key + "=" + rs.getString("slice_value"));
    }
    return String.join(" ", parts);
  }

  /** A window's start: the date alone when it starts at midnight UTC. */
  static String day(String isoStart) {
    return isoStart.endsWith("T00:00:00Z") ? isoStart.substring(0, 10) : isoStart;
  }
}
