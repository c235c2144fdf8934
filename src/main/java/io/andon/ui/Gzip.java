package io.andon.ui;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses an answer with gzip when the browser accepts it (the JDK's HTTP server does not):
 * pages and JSON of more than {@value #MIN_BYTES} bytes, at the fastest level, which already makes
 * the Job page's grid several times smaller.
 */
final class Gzip {
  static final int MIN_BYTES = 1024;

  private Gzip() {}

  /**
   * {@code body}, gzipped with {@code Content-Encoding: gzip} set on {@code ex} when its request
   * accepts gzip and the body is worth it; else {@code body} as it is.
   */
  static byte[] ifAccepted(HttpExchange ex, byte[] body) {
    ex.getResponseHeaders().add("Vary", "Accept-Encoding");
    if (body.length < MIN_BYTES || !accepts(ex.getRequestHeaders().getFirst("Accept-Encoding"))) {
      return body;
    }
    ex.getResponseHeaders().set("Content-Encoding", "gzip");
    return gzip(body);
  }

  static boolean accepts(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] coding = part.trim().split(";");
      if (coding[0].trim().equals("gzip") && !refused(coding)) {
        return true;
      }
    }
    return false;
  }

  private static boolean refused(String[] coding) {
    for (int i = 1; i < coding.length; i++) {
      String p = coding[i].replace(" ", "");
      if (p.equals("q=0") || p.equals("q=0.0") || p.equals("q=0.00") || p.equals("q=0.000")) {
        return true;
      }
    }
    return false;
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream z = new Fast(out)) {
      z.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A gzip stream at the fastest level. */
  private static final class Fast extends GZIPOutputStream {
    Fast(ByteArrayOutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
