package io.andon.yaml;

import java.util.List;

/** A YAML sequence with its position. */
public record YList(Loc loc, List<YNode> items) implements YNode {
  public YList {
    items = List.copyOf(items);
  }

  @Override
  public String kind() {
    return "a list";
  }
}
