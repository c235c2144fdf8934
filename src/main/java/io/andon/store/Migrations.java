package io.andon.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The store's schema changes: numbered SQL files under {@code db/migration/} ({@code
 * V001__runs.sql}, ...), listed in its {@code index.txt}, applied once each, in order, and recorded
 * in {@code schema_version}.
 */
final class Migrations {
  private static final String[] MIGRATIONS = migrationNames();

  private Migrations() {}

  /** Applies the migrations {@code store} has not applied yet, each in its own transaction. */
  static void apply(Store store) {
    List<String> applied =
        store.read(
            c -> {
              try (Statement s = c.createStatement()) {
                s.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version TEXT PRIMARY KEY,"
                        + " applied_at TEXT NOT NULL)");
              }
              List<String> versions = new ArrayList<>();
              try (Statement s = c.createStatement();
                  ResultSet rs = s.executeQuery("SELECT version FROM schema_version")) {
                while (rs.next()) {
                  versions.add(rs.getString(1));
                }
              }
              return versions;
            });
    for (String name : MIGRATIONS) {
      if (applied.contains(name)) {
        continue;
      }
      String sql = resource("db/migration/" + name);
      store.tx(
          c -> {
            try (Statement s = c.createStatement()) {
              for (String stmt : sql.split(";\\s*(\\r?\\n|$)")) {
                if (!stmt.isBlank()) {
                  s.execute(stmt);
                }
              }
            }
            try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO schema_version VALUES (?, datetime('now'))")) {
              ps.setString(1, name);
              ps.executeUpdate();
            }
            return null;
          });
    }
  }

  private static String[] migrationNames() {
    String index = resource("db/migration/index.txt");
    return index
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .sorted()
        .toArray(String[]::new);
  }

  private static String resource(String name) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return r.lines().collect(Collectors.joining("\n"));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
  }
}
