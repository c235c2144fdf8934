package io.andon.cli;

import io.andon.job.BundleSettings;
import io.andon.job.WorkspaceSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that read an Asset Bundle: its target, its variables' and workspace values. */
public final class BundleOptions {
  @Option(
      names = {"-t", "--target"},
      paramLabel = "NAME",
      description =
          "The bundle target to read the job with (default: the one marked default: true).")
  String target;

  // $${ keeps picocli from reading ${var.NAME} as one of its own variables
  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      description =
          "A bundle variable's value, for $${var.NAME} (repeatable; wins over BUNDLE_VAR_NAME, the target and the default).")
  Map<String, String> vars = new LinkedHashMap<>();

  @Option(
      names = "--workspace",
      paramLabel = "FIELD=VALUE",
      description =
          "A value for $${workspace.FIELD} (repeatable), e.g. current_user.userName=ann or root_path=/tmp/ws; without it andon gives local values.")
  Map<String, String> workspace = new LinkedHashMap<>();

  /** The $${workspace.*} values given, over the andon home {@code home}. */
  public WorkspaceSettings workspace(java.nio.file.Path home) {
    return new WorkspaceSettings(home, workspace);
  }

  /** What was given, for the job loader. */
  public BundleSettings settings() {
    return new BundleSettings(Optional.ofNullable(target), vars);
  }
}
