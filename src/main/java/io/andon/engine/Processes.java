package io.andon.engine;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Process-group helpers: task processes run in their own session, so a group kill ends them all.
 */
public final class Processes {
  private Processes() {}

  /** When a live process started, in epoch millis, to tell it from a later one with its pid. */
  public static Optional<Long> startMillis(ProcessHandle h) {
    return startMillis(h.pid()).or(() -> h.info().startInstant().map(Instant::toEpochMilli));
  }

  private static final long BOOT_MILLIS = bootMillis();

  /**
   * When {@code pid} started, from one read of /proc/PID/stat (boot time plus its start in clock
   * ticks, as the JDK computes it), or empty when /proc cannot tell.
   */
  public static Optional<Long> startMillis(long pid) {
    if (BOOT_MILLIS < 0) {
      return Optional.empty();
    }
    byte[] b = new byte[1024];
    int n;
    try (java.io.FileInputStream in = new java.io.FileInputStream("/proc/" + pid + "/stat")) {
      n = in.read(b); // one read: the kernel renders the whole file at once
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
    // fields after the command name, which ends at the last ')'; start time is field 22
    int i = n - 1;
    while (i >= 0 && b[i] != ')') {
      i--;
    }
    if (i < 0) {
      return Optional.empty();
    }
    int field = 2;
    long ticks = -1;
    for (int j = i + 1; j < n; j++) {
      if (b[j] == ' ') {
        field++;
        if (field == 22) {
          ticks = 0;
          for (int k = j + 1; k < n && b[k] >= '0' && b[k] <= '9'; k++) {
            ticks = ticks * 10 + (b[k] - '0');
          }
          break;
        }
      }
    }
    return ticks < 0 ? Optional.empty() : Optional.of(BOOT_MILLIS + ticks * 10); // USER_HZ 100
  }

  private static long bootMillis() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))) {
        if (line.startsWith("btime ")) {
          return Long.parseLong(line.substring(6).strip()) * 1000;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not Linux: fall back to ProcessHandle
    }
    return -1;
  }

  /** Is {@code pid} alive and the same process that started at {@code startMillis}? */
  public static boolean alive(long pid, Long startMillis) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive()) {
      return false;
    }
    if (startMillis == null) {
      return true;
    }
    return startMillis(h.get()).map(s -> Math.abs(s - startMillis) < 1000).orElse(true);
  }

  /**
   * Kills the process group led by {@code pid}, every descendant still known, and the process
   * itself (a Python task's process leads its group only once its runner has started).
   */
  public static void killGroup(long pid) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    List<ProcessHandle> descendants = h.map(x -> x.descendants().toList()).orElse(List.of());
    if (NativeSpawn.available()) {
      NativeSpawn.killGroup(pid);
      descendants.forEach(ProcessHandle::destroyForcibly);
      h.ifPresent(ProcessHandle::destroyForcibly);
      return;
    }
    try {
      Process k =
          new ProcessBuilder("/bin/sh", "-c", "kill -9 -" + pid + " 2>/dev/null")
              .redirectInput(Redirect.from(new File("/dev/null")))
              .redirectOutput(Redirect.DISCARD)
              .redirectErrorStream(true)
              .start();
      k.waitFor();
    } catch (java.io.IOException e) {
      // fall back to killing what we can see
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    descendants.forEach(ProcessHandle::destroyForcibly);
    h.ifPresent(ProcessHandle::destroyForcibly);
  }
}
