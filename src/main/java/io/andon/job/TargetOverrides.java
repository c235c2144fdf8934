package io.andon.job;

import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A target's settings joined with the bundle's top-level ones, as the Databricks CLI joins them:
 * mappings key by key, the target's value winning where both have one; the lists of tasks, job
 * clusters and job parameters item by item, matched on {@code task_key}, {@code job_cluster_key}
 * and {@code name} (an item of the target's with no match is added); any other list is the
 * top-level items followed by the target's.
 */
final class TargetOverrides {
  /** The field that identifies an item, for the lists that are joined item by item. */
  private static final Map<String, String> ITEM_KEYS =
      Map.of("tasks", "task_key", "job_clusters", "job_cluster_key", "parameters", "name");

  private TargetOverrides() {}

  /** {@code base} with {@code over} joined into it; every node keeps the position it came from. */
  static YNode join(YNode base, YNode over) {
    return join(base, over, "");
  }

  private static YNode join(YNode base, YNode over, String key) {
    if (base instanceof YMap b && over instanceof YMap o) {
      LinkedHashMap<String, YMap.Entry> out = new LinkedHashMap<>(b.entries());
      for (YMap.Entry e : o.values()) {
        YMap.Entry mine = out.get(e.key());
        out.put(
            e.key(),
            mine == null
                ? e
                : new YMap.Entry(e.key(), mine.keyLoc(), join(mine.value(), e.value(), e.key())));
      }
      return new YMap(b.loc(), out);
    }
    if (base instanceof YList b && over instanceof YList o) {
      List<YNode> out = new ArrayList<>(b.items());
      String id = ITEM_KEYS.get(key);
      for (YNode item : o.items()) {
        int match = id == null ? -1 : indexOf(out, id, idOf(item, id));
        if (match >= 0) {
          out.set(match, join(out.get(match), item, ""));
        } else {
          out.add(item);
        }
      }
      return new YList(b.loc(), out);
    }
    return over;
  }

  private static String idOf(YNode item, String id) {
    return item instanceof YMap m && m.get(id).orElse(null) instanceof YScalar s && !s.isNull()
        ? s.text()
        : null;
  }

  private static int indexOf(List<YNode> items, String id, String value) {
    if (value == null) {
      return -1;
    }
    for (int i = 0; i < items.size(); i++) {
      if (value.equals(idOf(items.get(i), id))) {
        return i;
      }
    }
    return -1;
  }
}
