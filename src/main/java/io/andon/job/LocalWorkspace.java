package io.andon.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The local values of {@code ${workspace.*}}: the user from the environment ({@code USER}, else
 * {@code LOGNAME}, else {@code USERNAME}; with {@code @localhost} added when it is not an address,
 * since Databricks user names are e-mail addresses), the bundle's folder as {@code file_path}
 * (where a deployment copies the bundle's files, so paths built on it name the same files here),
 * and the other workspace folders under the andon home. A value given with {@code --workspace}
 * wins.
 */
final class LocalWorkspace {
  /** The fields andon gives a local value. */
  static final List<String> FIELDS =
      List.of(
          "current_user.userName",
          "current_user.short_name",
          "current_user.displayName",
          "current_user.domain_friendly_name",
          "root_path",
          "file_path",
          "artifact_path",
          "state_path",
          "resource_path");

  private final WorkspaceSettings settings;
  private final Map<String, String> env;
  private final String bundleName;
  private final String target;
  private final Path bundleDir;

  LocalWorkspace(
      WorkspaceSettings settings,
      Map<String, String> env,
      String bundleName,
      String target,
      Path bundleDir) {
    this.settings = settings;
    this.env = env;
    this.bundleName = bundleName;
    this.target = target;
    this.bundleDir = bundleDir.toAbsolutePath().normalize();
  }

  /** The value of {@code ${workspace.<field>}}, empty for a field only a workspace has. */
  Optional<String> value(String field) {
    String given = settings.values().get(field);
    if (given != null) {
      return Optional.of(given);
    }
    return switch (field) {
      case "current_user.userName", "current_user.displayName" -> Optional.of(userName());
      case "current_user.short_name", "current_user.domain_friendly_name" ->
          Optional.of(shortName(userName()));
      case "root_path" -> Optional.of(rootPath());
      case "file_path" -> Optional.of(bundleDir.toString());
      case "artifact_path" -> Optional.of(rootPath() + "/artifacts");
      case "state_path" -> Optional.of(rootPath() + "/state");
      case "resource_path" -> Optional.of(rootPath() + "/resources");
      default -> Optional.empty();
    };
  }

  private String rootPath() {
    return value0("root_path")
        .orElseGet(
            () ->
                settings
                    .home()
                    .toAbsolutePath()
                    .normalize()
                    .resolve("bundles")
                    .resolve(bundleName)
                    .resolve(target)
                    .toString());
  }

  private Optional<String> value0(String field) {
    return Optional.ofNullable(settings.values().get(field));
  }

  private String userName() {
    String given = settings.values().get("current_user.userName");
    if (given != null) {
      return given;
    }
    String user = System.getProperty("user.name", "user");
    for (String name : List.of("USERNAME", "LOGNAME", "USER")) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        user = v;
      }
    }
    return user.contains("@") ? user : user + "@localhost";
  }

  /**
   * The user name as the Databricks CLI shortens it: the part before an {@code @}, lower case,
   * every character but letters and digits made {@code _}.
   */
  static String shortName(String userName) {
    int at = userName.indexOf('@');
    String local = at < 0 ? userName : userName.substring(0, at);
    return local.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
  }
}
