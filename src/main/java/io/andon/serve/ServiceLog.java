package io.andon.serve;

import io.andon.util.Json;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The service's own log: one line per event, as text or (with --log-format json) JSON. */
public final class ServiceLog {
  /** How lines are written. */
  public enum Format {
    TEXT,
    JSON
  }

  private final PrintWriter out;
  private final Format format;
  private final Clock clock;

  public ServiceLog(PrintWriter out, Format format, Clock clock) {
    this.out = out;
    this.format = format;
    this.clock = clock;
  }

  /** Writes {@code event} with {@code fields}, in the order of their names. */
  public synchronized void event(String event, Map<String, ?> fields) {
    Map<String, ?> sorted = new java.util.TreeMap<>(fields);
    String time = Instant.ofEpochMilli(clock.millis()).toString();
    if (format == Format.JSON) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("time", time);
      line.put("event", event);
      line.putAll(sorted);
      out.println(Json.write(line));
    } else {
      StringBuilder b = new StringBuilder(time).append(' ').append(event);
      sorted.forEach((k, v) -> b.append(' ').append(k).append('=').append(text(v)));
      out.println(b);
    }
    out.flush();
  }

  private static String text(Object v) {
    String s = String.valueOf(v);
    return s.isEmpty() || s.chars().anyMatch(c -> c == ' ' || c == '"') ? Json.write(s) : s;
  }
}
