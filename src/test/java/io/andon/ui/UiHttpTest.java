package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI's rules over plain HTTP: sessions, CSRF, the token, assets and error pages. */
class UiHttpTest {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

  @TempDir Path tmp;

  private static String cookie(HttpResponse<?> r) {
    return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    return m.group(1);
  }

  private static HttpRequest form(Site site, String path, String cookie, String body) {
    return HttpRequest.newBuilder(URI.create(site.url(path)))
        .header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  @Test
  void aChangeNeedsTheSessionsCsrfTokenAndASignedInSession() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("nightly.yml", JobsPageTest.NIGHTLY))) {
      HttpResponse<String> page = site.get("/jobs");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Set-Cookie").orElseThrow())
          .contains("HttpOnly")
          .contains("SameSite=Strict");
      String cookie = cookie(page);
      String csrf = csrf(page);

      HttpResponse<String> forged = site.send(form(site, "/jobs/1/pause", cookie, "csrf=forged"));
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).contains("reload the page");

      HttpResponse<String> anonymous =
          site.send(form(site, "/jobs/1/pause", cookie, "csrf=" + csrf + "&back=/jobs"));
      assertThat(anonymous.statusCode()).isEqualTo(303);
      assertThat(anonymous.headers().firstValue("Location").orElseThrow())
          .isEqualTo("/ui/login?next=%2Fjobs");
      assertThat(site.api("/api/2.2/jobs/get?job_id=1").has("andon_pause_status")).isFalse();

      HttpResponse<String> wrong =
          site.send(form(site, "/ui/login", cookie, "csrf=" + csrf + "&token=guess&next=/jobs"));
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("not this service's token");
      HttpResponse<String> right =
          site.send(
              form(
                  site,
                  "/ui/login",
                  cookie,
                  "csrf=" + csrf + "&token=" + Site.TOKEN + "&next=/jobs"));
      assertThat(right.statusCode()).isEqualTo(303);

      HttpResponse<String> paused =
          site.send(form(site, "/jobs/1/pause", cookie, "csrf=" + csrf + "&back=/jobs"));
      assertThat(paused.statusCode()).isEqualTo(303);
      assertThat(paused.headers().firstValue("Location").orElseThrow()).isEqualTo("/jobs");
      assertThat(site.api("/api/2.2/jobs/get?job_id=1").path("andon_pause_status").asText())
          .isEqualTo("PAUSED");

      HttpResponse<String> otherSite =
          site.send(
              form(site, "/jobs/1/resume", "andon_session=" + "x".repeat(32), "csrf=" + csrf));
      assertThat(otherSite.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void anUnknownPageOrJobIsAnErrorPageThatSaysWhatToDo() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("nightly.yml", JobsPageTest.NIGHTLY))) {
      HttpResponse<String> none = site.get("/jobs/nope/at/all");
      assertThat(none.statusCode()).isEqualTo(404);
      assertThat(none.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
      assertThat(none.body())
          .contains("there is no page /jobs/nope/at/all")
          .doesNotContain("at io.");
      HttpResponse<String> get = site.get("/ui/logout");
      assertThat(get.statusCode()).isEqualTo(405);
      HttpResponse<String> root = site.get("/");
      assertThat(root.statusCode()).isEqualTo(303);
      assertThat(root.headers().firstValue("Location").orElseThrow()).isEqualTo("/jobs");
      assertThat(site.get("/api/2.2/jobs/list").body()).contains("\"nightly\"");
    }
  }

  @Test
  void theUisFilesComeFromTheJarWithTheirTypes() throws Exception {
    try (Site site = Site.serving(tmp, Map.of("nightly.yml", JobsPageTest.NIGHTLY))) {
      HttpResponse<String> dagre = site.get("/ui/static/dagre.min.js");
      assertThat(dagre.statusCode()).isEqualTo(200);
      assertThat(dagre.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("text/javascript");
      assertThat(dagre.body()).contains("graphlib");
      assertThat(site.get("/ui/static/chart.umd.js").body()).contains("Chart");
      assertThat(site.get("/ui/static/andon.css").headers().firstValue("Content-Type"))
          .hasValue("text/css; charset=utf-8");
      assertThat(site.get("/ui/static/../../etc/passwd").statusCode()).isEqualTo(404);
      assertThat(site.get("/ui/static/nothing.js").statusCode()).isEqualTo(404);
    }
  }
}
