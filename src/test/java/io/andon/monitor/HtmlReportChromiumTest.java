package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.andon.monitor.report.HtmlReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Path png = dir.resolve("shot.png");
    Path profile = Files.createDirectories(dir.resolve("profile"));
    List<String> cmd =
        new ArrayList<>(
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
                "--user-data-dir=" + profile,
                "--screenshot=" + png,
                "--window-size=1280,1200",
                html.toUri().toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromium.log").toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(Files.exists(png)).as(log()).isTrue();
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

  private String log() {
    try {
      return Files.readString(dir.resolve("chromium.log"));
    } catch (IOException e) {
      return "";
    }
  }
}
