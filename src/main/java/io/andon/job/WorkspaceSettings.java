package io.andon.job;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code ${workspace.*}} stands for when andon runs a bundle on this machine: the andon home,
 * under which the workspace folders of a bundle are made, and values given on the command line
 * ({@code --workspace current_user.userName=ann}) that win over the local ones.
 *
 * @param home the andon home
 * @param values {@code ${workspace.<field>}} values by field, as given
 */
public record WorkspaceSettings(Path home, Map<String, String> values) {
  public WorkspaceSettings {
    Objects.requireNonNull(home, "home");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The andon home of {@code env} ({@code ANDON_HOME}, else ./.andon), with no value given. */
  public static WorkspaceSettings fromEnvironment(Map<String, String> env) {
    String h = env.get("ANDON_HOME");
    return new WorkspaceSettings(Path.of(h != null && !h.isBlank() ? h : ".andon"), Map.of());
  }
}
