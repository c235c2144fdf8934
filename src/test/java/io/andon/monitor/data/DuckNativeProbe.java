package io.andon.monitor.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/** A process that places DuckDB's library as andon does, then asks DuckDB one question. */
public final class DuckNativeProbe {
  private DuckNativeProbe() {}

  public static void main(String[] args) throws Exception {
    DuckNative.Placement p = DuckNative.prepare();
    try (Connection c = Duck.connect(new Properties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
      rs.next();
      System.out.println(p + " answer=" + rs.getInt(1));
    }
  }
}
