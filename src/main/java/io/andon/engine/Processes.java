package io.andon.engine;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Process-group helpers: task processes run in their own session, so a group kill ends them all. */
public final class Processes {
  private Processes() {}

  /** When a live process started, in epoch millis, to tell it from a later one with its pid. */
  public static Optional<Long> startMillis(ProcessHandle h) {
    return h.info().startInstant().map(Instant::toEpochMilli);
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

  /** Kills the process group led by {@code pid} and every descendant still known. */
  public static void killGroup(long pid) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    List<ProcessHandle> descendants = h.map(x -> x.descendants().toList()).orElse(List.of());
    if (NativeSpawn.available()) {
      NativeSpawn.killGroup(pid);
      descendants.forEach(ProcessHandle::destroyForcibly);
      return;
    }
    try {
      Process k = new ProcessBuilder("/bin/sh", "-c", "kill -9 -" + pid + " 2>/dev/null")
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
