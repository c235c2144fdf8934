package io.andon.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Loads one of andon's native libraries (src/main/native, built into the jar when the build finds
 * gcc) for linux x86-64. Every caller has a slower way that works without it.
 */
public final class NativeLibrary {
  private NativeLibrary() {}

  /**
   * Loads the library at {@code resource} beside {@code owner}'s class file; false where there is
   * none (another system, or built without a compiler) or it does not load.
   */
  public static boolean load(Class<?> owner, String resource) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return false;
    }
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        return false;
      }
      String name = Path.of(resource).getFileName().toString();
      Path tmp = Files.createTempFile(name.substring(0, name.length() - 3), ".so");
      try {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
        System.load(tmp.toAbsolutePath().toString());
      } finally {
        Files.deleteIfExists(tmp); // loaded or not: a mapping outlives its file
      }
      return true;
    } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
      return false;
    }
  }
}
