package io.andon.job;

import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into the value of a complex bundle variable, as {@code ${var.cluster.spark_conf.x}} and
 * {@code ${var.steps[1]}} write it: field names, each followed by any {@code [index]}.
 */
final class ComplexPath {
  /** A step into a complex value: a field name, or an [index]. */
  private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_-]+)|\\[([0-9]+)\\]");

  private ComplexPath() {}

  /** The node {@code steps} lead to from {@code value}, empty when one names nothing there. */
  static Optional<YNode> at(YNode value, List<String> steps) {
    YNode n = value;
    for (String step : steps) {
      Matcher m = STEP.matcher(step);
      while (n != null && m.find()) {
        if (m.group(1) != null) {
          n = n instanceof YMap map ? map.get(m.group(1)).orElse(null) : null;
        } else {
          int i = Integer.parseInt(m.group(2));
          n = n instanceof YList l && i < l.items().size() ? l.items().get(i) : null;
        }
      }
    }
    return Optional.ofNullable(n);
  }
}
