package io.andon.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's static files, served from the jar under {@value #PREFIX}: andon's own stylesheet, script
 * and icon, and the WebJars it draws with (dagre for the layered DAG layout, Chart.js for charts).
 * Nothing comes from the internet.
 */
final class Assets {
  static final String PREFIX = "/ui/static/";

  private record Asset(String resource, String contentType) {}

  private static final String OWN = "/io/andon/ui/static/";
  private static final String WEBJARS = "/META-INF/resources/webjars/";
  private static final String JS = "text/javascript; charset=utf-8";

  private static final Map<String, Asset> FILES =
      Map.of(
          "andon.css", new Asset(OWN + "andon.css", "text/css; charset=utf-8"),
          "andon.js", new Asset(OWN + "andon.js", JS),
          "run.js", new Asset(OWN + "run.js", JS),
          "job.js", new Asset(OWN + "job.js", JS),
          "task.js", new Asset(OWN + "task.js", JS),
          "monitor.js", new Asset(OWN + "monitor.js", JS),
          "icon.svg", new Asset(OWN + "icon.svg", "image/svg+xml"),
          "dagre.min.js", new Asset(WEBJARS + "dagre/0.8.4/dist/dagre.min.js", JS),
          "chart.umd.js", new Asset(WEBJARS + "chart.js/4.4.1/dist/chart.umd.js", JS));

  private Assets() {}

  /** The file at {@code path} (under {@value #PREFIX}), if it is one of the UI's. */
  static Optional<UiResponse.Asset> find(String path) {
    Asset a = FILES.get(path.substring(PREFIX.length()));
    if (a == null) {
      return Optional.empty();
    }
    try (InputStream in = Assets.class.getResourceAsStream(a.resource())) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new UiResponse.Asset(a.contentType(), in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
