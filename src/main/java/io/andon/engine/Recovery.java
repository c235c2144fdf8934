package io.andon.engine;

import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import io.andon.store.TaskWrite;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Crash safety. A run whose owning andon process is gone (killed with -9, machine rebooted) is
 * closed by the next andon command that opens the store: its unfinished tasks end as INTERNAL_ERROR
 * / FAILED with the reason, the task processes it left behind are killed, and the run ends FAILED,
 * ready for {@code andon repair RUN_ID --rerun-all-failed}.
 */
public final class Recovery {
  /** The stores this process has recovered already: once per command is enough. */
  private static final java.util.Set<Store> RECOVERED =
      java.util.Collections.synchronizedSet(
          java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

  private Recovery() {}

  /**
   * Closes every abandoned run unless this process has done so for {@code store} already (the
   * command that opened it, or an earlier run of the same command); returns their ids.
   */
  public static List<Long> recoverOnce(Store store, java.time.Clock clock) {
    return RECOVERED.contains(store) ? List.of() : recover(store, clock);
  }

  /** Closes every abandoned run, timed on the system clock; returns their ids. */
  public static List<Long> recover(Store store) {
    return recover(store, java.time.Clock.systemUTC());
  }

  /** Closes every abandoned run, with {@code clock}'s time as their end; returns their ids. */
  public static List<Long> recover(Store store, java.time.Clock clock) {
    RECOVERED.add(store);
    RunStore runs = new RunStore(store);
    List<RunRecord> candidates = store.read(runs::unfinished);
    List<Long> recovered = new ArrayList<>();
    long now = clock.millis();
    for (RunRecord r : candidates) {
      Long ownerStart = store.read(c -> runs.ownerStart(c, r.runId())).orElse(null);
      if (r.ownerPid().isPresent() && Processes.alive(r.ownerPid().get(), ownerStart)) {
        continue;
      }
      String who = "andon (pid " + r.ownerPid().map(String::valueOf).orElse("?") + ")";
      List<TaskWrite> writes = new ArrayList<>();
      List<String> killed = new ArrayList<>();
      for (TaskRecord t : r.tasks()) {
        close(t, who, now, writes, killed);
        for (TaskRecord it : t.iterations()) {
          close(it, who, now, writes, killed);
        }
      }
      killMarked(store.home(), r.runId(), killed);
      String message =
          who
              + " stopped before run "
              + r.runId()
              + " finished (killed or"
              + " crashed); its unfinished tasks were marked failed"
              + (killed.isEmpty()
                  ? ""
                  : " and their processes killed (" + String.join(", ", killed) + ")")
              + ". Finish it with `andon repair "
              + r.runId()
              + " --rerun-all-failed`.";
      store.tx(
          c -> {
            runs.writeTasks(c, r.runId(), writes);
            runs.updateRun(
                c,
                r.runId(),
                io.andon.store.RunUpdate.ended(
                    LifeCycleState.INTERNAL_ERROR,
                    ResultState.FAILED,
                    java.util.Optional.of(message),
                    now));
            return null;
          });
      removeSpools(AttemptLogs.runLogDir(store.home(), r.runId()));
      recovered.add(r.runId());
    }
    return recovered;
  }

  /**
   * Kills the processes whose environment marks them as tasks of run {@code runId} of {@code home}:
   * every task process gets {@code ANDON_HOME} and {@code ANDON_RUN_ID} before it runs, so this
   * finds those started too shortly before andon died for their pid to be stored, and what they
   * started in turn.
   */
  static void killMarked(Path home, long runId, List<String> killed) {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return;
    }
    String run = "ANDON_RUN_ID=" + runId;
    String andonHome = "ANDON_HOME=" + home.toAbsolutePath();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> all = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path p : all) {
        long pid = Long.parseLong(p.getFileName().toString());
        if (pid != self && marked(p.resolve("environ"), run, andonHome)) {
          Processes.killGroup(pid);
          if (!killed.contains("pid " + pid)) {
            killed.add("pid " + pid);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the processes with stored pids were killed already
    }
  }

  private static boolean marked(Path environ, String run, String home) {
    byte[] b;
    try {
      b = Files.readAllBytes(environ);
    } catch (IOException | RuntimeException e) {
      return false; // gone, or another user's
    }
    boolean hasRun = false;
    boolean hasHome = false;
    int from = 0;
    for (int i = 0; i <= b.length; i++) {
      if (i == b.length || b[i] == 0) {
        String entry = new String(b, from, i - from, java.nio.charset.StandardCharsets.UTF_8);
        hasRun |= entry.equals(run);
        hasHome |= entry.equals(home);
        from = i + 1;
      }
    }
    return hasRun && hasHome;
  }

  /**
   * Removes the spool names the killed andon left in the run's log folder: each is an empty file or
   * a second name of an attempt's log (see {@link NativeSpawn.Spool}), so nothing is lost.
   */
  private static void removeSpools(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> spools =
        Files.newDirectoryStream(dir, NativeSpawn.Spool.PREFIX + "*")) {
      for (Path p : spools) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a few empty names too many; the logs are all there
    }
  }

  private static void close(
      TaskRecord t, String who, long now, List<TaskWrite> writes, List<String> killed) {
    LifeCycleState st = LifeCycleState.valueOf(t.state());
    if (st.isFinal()) {
      return;
    }
    if (t.pid().isPresent() && Processes.alive(t.pid().get(), t.pidStart().orElse(null))) {
      Processes.killGroup(t.pid().get());
      killed.add("pid " + t.pid().get());
    }
    String message =
        who
            + " stopped while this task was "
            + st.name().toLowerCase()
            + "; repair the run to run it again";
    writes.add(
        new TaskWrite(
            t.taskKey(),
            t.iteration(),
            LifeCycleState.INTERNAL_ERROR.name(),
            ResultState.FAILED.name(),
            t.outcome().orElse(null),
            t.attempts(),
            t.startTime().orElse(null),
            now,
            io.andon.util.Json.write(t.values()),
            message,
            t.input().orElse(null),
            null,
            null,
            t.repairId()));
  }
}
