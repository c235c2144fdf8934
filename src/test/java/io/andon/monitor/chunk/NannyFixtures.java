package io.andon.monitor.chunk;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The generated tables and the values computed from them in Python ({@code
 * src/test/python/make_nanny_fixtures.py}), stored in {@code monitor/nanny/}.
 */
public final class NannyFixtures {
  /** Rows per chunk in the fixtures. */
  public static final int CHUNK = 250;

  private NannyFixtures() {}

  /** Copies the fixture {@code name} into {@code dir}. */
  public static Path copy(Path dir, String name) {
    try (InputStream in = NannyFixtures.class.getResourceAsStream("/monitor/nanny/" + name)) {
      Path to = dir.resolve(name);
      Files.write(to, in.readAllBytes());
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values computed in Python. */
  public static JsonNode expected() {
    try (InputStream in = NannyFixtures.class.getResourceAsStream("/monitor/nanny/expected.json")) {
      return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the columns of a fixture table, in file order. */
  public static Frame frame(Path dir, String name, List<String> numeric, List<String> categorical) {
    Path file = copy(dir, name);
    try (Duck duck = Duck.open()) {
      Duck.Table t = duck.load(DataSource.resolve(file.toString(), "table"), "t", "table");
      return Frame.read(duck, t, numeric, categorical, Optional.empty(), "TRUE");
    }
  }
}
