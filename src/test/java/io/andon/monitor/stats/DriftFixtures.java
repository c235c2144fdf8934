package io.andon.monitor.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The SciPy reference values of src/test/python/make_drift_fixtures.py, and its sample maker. */
public final class DriftFixtures {
  private static JsonNode root;

  private DriftFixtures() {}

  public static synchronized JsonNode root() {
    if (root == null) {
      try (InputStream in =
          DriftFixtures.class.getResourceAsStream("/monitor/drift_fixtures.json")) {
        root = Json.mapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  /** The same LCG as the Python script: values are integers / 1e6, so both sides agree exactly. */
  public static double[] sample(JsonNode spec) {
    long x = spec.get("seed").asLong();
    int n = spec.get("n").asInt();
    long shift = spec.get("shift").asLong();
    long modulus = spec.get("modulus").asLong();
    int terms = spec.get("terms").asInt();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      long s = 0;
      for (int t = 0; t < terms; t++) {
        x = 6364136223846793005L * x + 1442695040888963407L;
        s += Long.remainderUnsigned(x >>> 33, modulus);
      }
      out[i] = (s + shift) / 1e6;
    }
    return out;
  }

  public static long[] longs(JsonNode array) {
    long[] a = new long[array.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = array.get(i).asLong();
    }
    return a;
  }

  public static double[] doubles(JsonNode array) {
    double[] a = new double[array.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = array.get(i).asDouble();
    }
    return a;
  }
}
