package io.andon.yaml;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A YAML mapping with string keys, in file order, remembering where each key was written. */
public final class YMap implements YNode {
  /** One key of a mapping: where the key stands and its value. */
  public record Entry(String key, Loc keyLoc, YNode value) {}

  private final Loc loc;
  private final Map<String, Entry> entries;

  public YMap(Loc loc, Map<String, Entry> entries) {
    this(loc, new LinkedHashMap<>(entries));
  }

  /** Over {@code entries} itself, which nothing else may change afterwards. */
  private YMap(Loc loc, LinkedHashMap<String, Entry> entries) {
    this.loc = loc;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** A mapping over {@code entries} itself, which nothing else may change afterwards. */
  static YMap owning(Loc loc, LinkedHashMap<String, Entry> entries) {
    return new YMap(loc, entries);
  }

  @Override
  public Loc loc() {
    return loc;
  }

  @Override
  public String kind() {
    return "a mapping";
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public Collection<Entry> values() {
    return entries.values();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public Optional<YNode> get(String key) {
    Entry e = entries.get(key);
    return e == null ? Optional.empty() : Optional.of(e.value());
  }

  /** Where a key stands, or the mapping itself when the key is absent. */
  public Loc keyLoc(String key) {
    Entry e = entries.get(key);
    return e == null ? loc : e.keyLoc();
  }

  @Override
  public String toString() {
    return "YMap" + entries.keySet() + "@" + loc;
  }
}
