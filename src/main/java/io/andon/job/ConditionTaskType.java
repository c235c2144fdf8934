package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a {@code condition_task}: two operands and an operator. */
final class ConditionTaskType implements PayloadType {
  @Override
  public String key() {
    return ConditionTask.KEY;
  }

  @Override
  public Optional<Payload> parse(YMap b, Problems p, Path baseDir) {
    return parse(b, b, b, p, baseDir);
  }

  @Override
  public Optional<Payload> parse(YMap b, YMap task, YMap job, Problems p, Path baseDir) {
    p.unknownKeys(b, Set.of("left", "op", "right"), "condition_task");
    Optional<String> left = p.requiredString(b, "left", "condition_task");
    Optional<String> right = p.requiredString(b, "right", "condition_task");
    Optional<String> op = p.requiredString(b, "op", "condition_task");
    Optional<ConditionTask.Op> o =
        op.flatMap(
            text -> {
              List<String> names =
                  Arrays.stream(ConditionTask.Op.values()).map(Enum::name).toList();
              if (names.contains(text)) {
                return Optional.of(ConditionTask.Op.valueOf(text));
              }
              p.add(
                  b.get("op").orElseThrow().loc(),
                  "task '"
                      + TaskReader.keyOf(task)
                      + "': op '"
                      + text
                      + "' is not one of "
                      + String.join(", ", names)
                      + "."
                      + Strings.didYouMean(text, names));
              return Optional.empty();
            });
    if (left.isEmpty() || right.isEmpty() || o.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConditionTask(left.get(), o.get(), right.get()));
  }
}
