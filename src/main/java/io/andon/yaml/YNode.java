package io.andon.yaml;

/**
 * A YAML (or JSON) value that remembers where it was written, so that every problem andon reports
 * can name file:line:column. Built by {@link YamlReader}.
 */
public sealed interface YNode permits YMap, YList, YScalar {
  Loc loc();

  /** A short word for messages: "a mapping", "a list", "a string", ... */
  String kind();
}
