package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.andon.monitor.report.HtmlReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the drift report in headless Chromium, offline, and checks the screenshot shows the
 * overlaid histograms (pixels of both series' colours). Skipped when Chromium is not installed
 * (Debian packages chromium and chromium-driver).
 */
class HtmlReportChromiumTest {
  @TempDir Path dir;

  private static Path chromium() {
    for (String p :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  @Test
  void reportRendersOfflineWithBothHistogramSeries() throws Exception {
    Path chrome = chromium();
    assumeTrue(chrome != null, "chromium is not installed");
    SplittableRandom r = new SplittableRandom(3);
    double[] a = new double[2000];
    double[] b = new double[2000];
    for (int i = 0; i < a.length; i++) {
      a[i] = r.nextGaussian();
      b[i] = r.nextGaussian() + 0.8;
    }
    ColumnDrift x =
        DriftAnalysis.numeric("x", NumericSample.of(a), NumericSample.of(b), DriftOptions.DEFAULT);
    ColumnDrift c =
        DriftAnalysis.categorical(
            "c",
            new CategoricalSample(100, 0, Map.of("a", 60L, "b", 40L)),
            new CategoricalSample(100, 0, Map.of("a", 30L, "b", 60L, "new", 10L)),
            DriftOptions.DEFAULT);
    DriftReport report =
        DriftReport.of(
            "base.csv", "cur.csv", 2000, 2000, List.of(x, c), List.of(), DriftOptions.DEFAULT);
    Path html = dir.resolve("report.html");
    Files.writeString(
        html, HtmlReport.render(report, java.time.Instant.parse("2026-12-06T09:00:00Z")));
    Path png = shoot(chrome, html, "drift-histograms.png", 1200);
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(1280);
    int blue = 0;
    int orange = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int xx = 0; xx < img.getWidth(); xx += 2) {
        int rgb = img.getRGB(xx, y);
        int rr = (rgb >> 16) & 0xff;
        int gg = (rgb >> 8) & 0xff;
        int bb = rgb & 0xff;
        if (bb > 140 && rr < 140 && gg > 90 && gg < 190 && bb - rr > 40) {
          blue++;
        }
        if (rr > 200 && gg > 100 && gg < 180 && bb < 100) {
          orange++;
        }
      }
    }
    assertThat(blue).as("baseline bars").isGreaterThan(500);
    assertThat(orange).as("current bars").isGreaterThan(500);
  }

  /**
   * Renders {@code html} in headless Chromium into a screenshot, failing on any console message
   * (errors, uncaught exceptions: the reports log nothing). With the system property
   * andon.screenshots=DIR, the screenshot is also copied to DIR (the docs' pictures).
   */
  private Path shoot(Path chrome, Path html, String name, int height) throws Exception {
    Path png = dir.resolve(name);
    Path profile = Files.createDirectories(dir.resolve("profile-" + name));
    List<String> cmd =
        List.of(
            chrome.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--user-data-dir=" + profile,
            "--screenshot=" + png,
            "--window-size=1280," + height,
            html.toUri().toString());
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(Files.exists(png)).as(log()).isTrue();
    assertThat(log().lines().filter(l -> l.contains(":CONSOLE")).toList())
        .as("console messages of " + name)
        .isEmpty();
    String docs = System.getProperty("andon.screenshots", "");
    if (!docs.isEmpty()) {
      Files.copy(png, Path.of(docs).resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
    return png;
  }

  @Test
  void monitorReportRendersWithoutConsoleErrorsAndSwitchesSegments() throws Exception {
    Path chrome = chromium();
    assumeTrue(chrome != null, "chromium is not installed");
    SplittableRandom r = new SplittableRandom(5);
    StringBuilder base = new StringBuilder("amount,channel,label,prediction,score\n");
    for (int i = 0; i < 1500; i++) {
      double p = r.nextDouble();
      base.append(String.format(java.util.Locale.ROOT, "%.2f", Math.exp(3 + r.nextGaussian())))
          .append(',')
          .append(r.nextInt(3) == 0 ? "web" : "pos")
          .append(',')
          .append(r.nextDouble() < p ? 1 : 0)
          .append(',')
          .append(p > 0.5 ? 1 : 0)
          .append(',')
          .append(p)
          .append('\n');
    }
    Files.writeString(dir.resolve("base.csv"), base);
    StringBuilder log = new StringBuilder("ts,model,amount,channel,label,prediction,score\n");
    for (int d = 1; d <= 10; d++) {
      for (int i = 0; i < 1200; i++) {
        double p = r.nextDouble();
        boolean late = d >= 7;
        String amount =
            late && i % 7 == 0
                ? ""
                : String.format(
                    java.util.Locale.ROOT,
                    "%.2f",
                    Math.exp(3 + (late ? 0.5 : 0) + r.nextGaussian()));
        log.append(String.format("2026-03-%02dT%02d:%02d:00Z", d, i / 60 % 24, i % 60))
            .append(',')
            .append(i % 2 == 0 ? "v1" : "v2")
            .append(',')
            .append(amount)
            .append(',')
            .append(r.nextInt(3) == 0 ? "web" : "pos")
            .append(',')
            .append(r.nextDouble() < (late ? 0.5 : p) ? 1 : 0)
            .append(',')
            .append(p > 0.5 ? 1 : 0)
            .append(',')
            .append(p)
            .append('\n');
      }
    }
    Files.writeString(dir.resolve("log.csv"), log);
    Path m = dir.resolve("m.yaml");
    Files.writeString(
        m,
        """
        name: payments
        table: log.csv
        baseline_table: base.csv
        profile_type: inference_log
        timestamp_col: ts
        granularities: ["1 day"]
        model_id_col: model
        prediction_col: prediction
        prediction_proba_col: score
        label_col: label
        problem_type: classification
        slicing_exprs: ["channel"]
        """);
    MonitorResult result =
        MonitorFixture.run(
            m,
            java.time.Clock.fixed(
                java.time.Instant.parse("2026-03-12T00:00:00Z"), java.time.ZoneOffset.UTC));
    String page = io.andon.monitor.report.MonitorHtml.render(result);
    assertThat(page)
        .contains("1 day, model v1, whole table")
        .contains("1 day, all models, slice channel = web");
    Path html = dir.resolve("monitor.html");
    Files.writeString(html, page);
    shoot(chrome, html, "monitor-report.png", 1400);
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("chromium.log"));
    } catch (IOException e) {
      return "";
    }
  }
}
