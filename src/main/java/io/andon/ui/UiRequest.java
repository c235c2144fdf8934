package io.andon.ui;

import java.util.Map;
import java.util.Optional;

/**
 * One request to a page or an action: its path, the named parts of the path, the query, the form
 * fields of a POST, and the visitor.
 */
public record UiRequest(
    String method,
    String path,
    Map<String, String> pathParams,
    Map<String, String> query,
    Map<String, String> form,
    Visitor visitor) {
  public UiRequest {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
    form = Map.copyOf(form);
  }

  /** The named part {@code name} of the path. */
  public String param(String name) {
    String v = pathParams.get(name);
    if (v == null) {
      throw new IllegalStateException("the page's path has no part {" + name + "}");
    }
    return v;
  }

  /** The named part {@code name} of the path as a whole number, else a 404 page. */
  public long idParam(String name) {
    String v = param(name);
    if (!v.matches("[0-9]{1,18}")) {
      throw UiException.notFound("'" + v + "' is not a " + name.replace('_', ' ') + ".");
    }
    return Long.parseLong(v);
  }

  /** A query parameter. */
  public Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** A form field. */
  public Optional<String> field(String name) {
    return Optional.ofNullable(form.get(name));
  }

  /**
   * Where to go back after an action: the form's {@code back} field when it is a path of this
   * service, else {@code fallback}.
   */
  public String back(String fallback) {
    return field("back").filter(UiRequest::isLocalPath).orElse(fallback);
  }

  /** Whether {@code p} is a path on this service (not another site's URL). */
  static boolean isLocalPath(String p) {
    return p.startsWith("/") && !p.startsWith("//") && !p.contains("\\") && !p.contains("\n");
  }
}
