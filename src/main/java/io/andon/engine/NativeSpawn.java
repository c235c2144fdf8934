package io.andon.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Starts task processes with posix_spawn and POSIX_SPAWN_SETSID (src/main/native/andonspawn.c):
 * the shell leads its own session and process group, with one exec instead of two through
 * setsid(1). Available when the build found a C compiler and the library loads; andon otherwise
 * starts tasks through setsid(1) and {@link ProcessBuilder}.
 */
final class NativeSpawn {
  private static final boolean AVAILABLE = load();

  private NativeSpawn() {}

  static boolean available() {
    return AVAILABLE;
  }

  private static boolean load() {
    if (Boolean.getBoolean("andon.noNativeSpawn")) {
      return false;
    }
    String os = System.getProperty("os.name", "").toLowerCase();
    String arch = System.getProperty("os.arch", "");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      return false;
    }
    try (InputStream in = NativeSpawn.class.getResourceAsStream("native/libandonspawn.so")) {
      if (in == null) {
        return false;
      }
      Path tmp = Files.createTempFile("andonspawn", ".so");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      System.load(tmp.toAbsolutePath().toString());
      tmp.toFile().deleteOnExit();
      return true;
    } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
      return false;
    }
  }

  /** Starts {@code argv} in {@code dir}, output appended to {@code log}; returns the pid. */
  static long spawn(List<String> argv, Map<String, String> env, Path dir, Path log)
      throws IOException {
    String[] envp = new String[env.size()];
    int i = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      envp[i++] = e.getKey() + "=" + e.getValue();
    }
    long pid = spawn0(argv.toArray(new String[0]), envp, dir.toString(), log.toString());
    if (pid <= 0) {
      throw new IOException("cannot start " + argv.get(0) + " (errno " + -pid + ")");
    }
    return pid;
  }

  /** Blocks until the child ends; its exit code, or 128 + the signal that ended it. */
  static int waitFor(long pid) {
    return waitFor0(pid);
  }

  /** SIGKILL to the process group led by {@code pid}. */
  static void killGroup(long pid) {
    killGroup0(pid, 9);
  }

  private static native long spawn0(String[] argv, String[] envp, String dir, String log);

  private static native int waitFor0(long pid);

  private static native int killGroup0(long pgid, int sig);
}
