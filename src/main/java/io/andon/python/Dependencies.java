package io.andon.python;

import java.util.ArrayList;
import java.util.List;

/**
 * What a Python task needs installed: wheel files (paths or globs relative to the file that
 * declares the job), pip requirement strings, and requirements files.
 */
public record Dependencies(
    List<String> wheels, List<String> requirements, List<String> requirementFiles) {
  public static final Dependencies NONE = new Dependencies(List.of(), List.of(), List.of());

  public Dependencies {
    wheels = List.copyOf(wheels);
    requirements = List.copyOf(requirements);
    requirementFiles = List.copyOf(requirementFiles);
  }

  public boolean isEmpty() {
    return wheels.isEmpty() && requirements.isEmpty() && requirementFiles.isEmpty();
  }

  /** These and {@code more} requirement strings (from {@code %pip install} lines). */
  public Dependencies plusRequirements(List<String> more) {
    List<String> r = new ArrayList<>(requirements);
    more.stream().filter(x -> !r.contains(x)).forEach(r::add);
    return new Dependencies(wheels, r, requirementFiles);
  }

  /** Every string that may hold a {@code {{...}}} reference. */
  List<String> templates() {
    List<String> t = new ArrayList<>(wheels);
    t.addAll(requirements);
    t.addAll(requirementFiles);
    return t;
  }
}
