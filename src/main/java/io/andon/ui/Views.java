package io.andon.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The page templates of src/main/jte, compiled to classes when andon is built (no template compiler
 * at run time). Each page template takes its model record and the {@link Chrome} of the layout.
 */
public final class Views {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Views() {}

  /** Renders template {@code name} (such as {@code jobs.jte}) with {@code params}. */
  public static String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput(16 * 1024);
    ENGINE.render(name, params, out);
    return out.toString();
  }

  /** A page: template {@code name} with its {@code model} and the layout's {@code chrome}. */
  public static UiResponse.Html page(String name, Chrome chrome, Object model) {
    return new UiResponse.Html(render(name, Map.of("chrome", chrome, "m", model)));
  }
}
