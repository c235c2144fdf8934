package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages travel gzipped to a browser that accepts it, and plain to one that does not. */
class GzipTest {
  @TempDir Path tmp;

  private static HttpResponse<byte[]> get(Site site, String path, String acceptEncoding)
      throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(site.url(path))).GET();
    if (!acceptEncoding.isEmpty()) {
      r.header("Accept-Encoding", acceptEncoding);
    }
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aPageIsGzippedWhenTheBrowserAcceptsItAndPlainOtherwise() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("nightly.yml", JobsPageTest.NIGHTLY))) {
      HttpResponse<byte[]> zipped = get(site, "/jobs", "gzip, deflate, br");
      assertThat(zipped.statusCode()).isEqualTo(200);
      assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
      assertThat(zipped.headers().allValues("Vary")).contains("Accept-Encoding");
      String page;
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
        page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(page).contains("nightly").contains("</html>");

      HttpResponse<byte[]> plain = get(site, "/jobs", "");
      assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("nightly");
      assertThat(zipped.body().length).isLessThan(plain.body().length);

      HttpResponse<byte[]> refused = get(site, "/jobs", "gzip;q=0, identity");
      assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    }
  }

  @Test
  void gzipIsAcceptedByNameUnlessItsQualityIsZero() {
    assertThat(Gzip.accepts("gzip")).isTrue();
    assertThat(Gzip.accepts("deflate, GZIP;q=0.5")).isTrue();
    assertThat(Gzip.accepts("gzip;q=0")).isFalse();
    assertThat(Gzip.accepts("br, deflate")).isFalse();
  }
}
