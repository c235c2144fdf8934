package io.andon.cli;

import io.andon.engine.RunListener;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Live progress of a run. On a terminal, one status line redrawn in place (done/total and what
 * runs); elsewhere, one plain line per task start and end.
 */
final class Progress implements RunListener {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private final PrintWriter out;
  private final boolean tty;
  private final int total;
  private final Set<String> running = new LinkedHashSet<>();
  private int done;
  private long lastDraw;
  private long clockSecond = -1;
  private String clockText = "";

  /** Lines written since the last flush: flushed within FLUSH_MILLIS, not one write per line. */
  private boolean unflushed;

  private static final long FLUSH_MILLIS = 100;
  private static final java.util.concurrent.ScheduledExecutorService FLUSHER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "andon-progress");
            t.setDaemon(true);
            return t;
          });
  private java.util.concurrent.ScheduledFuture<?> flushTask;

  /** On a terminal: the status line lags behind what runs (a start came within 100 ms). */
  private boolean stale;

  Progress(PrintWriter out, boolean tty, int total) {
    // println on the command's writer flushes each line; this one buffers until flush()
    this.out = new PrintWriter(out, false);
    this.tty = tty;
    this.total = total;
  }

  private String now() {
    long second = System.currentTimeMillis() / 1000;
    if (second != clockSecond) {
      clockSecond = second;
      clockText = LocalTime.now(ZoneId.systemDefault()).format(TIME);
    }
    return clockText;
  }

  @Override
  public synchronized void runStarted(RunInfo run) {
    if (run.repairCount() > 0) {
      line("repair " + run.repairCount() + " of run " + run.runId() + " (" + run.jobName() + ")");
    } else {
      line("run " + run.runId() + " of job " + run.jobName() + " started");
    }
  }

  @Override
  public synchronized void taskStarted(RunInfo run, String taskKey, int attempt) {
    running.add(taskKey);
    if (tty) {
      draw(false);
    } else {
      line(taskKey + " started" + (attempt > 1 ? " (attempt " + attempt + ")" : ""));
    }
  }

  @Override
  public synchronized void taskFinished(
      RunInfo run,
      String taskKey,
      String resultState,
      int attempt,
      boolean willRetry,
      String message) {
    running.remove(taskKey);
    if (!willRetry && !taskKey.contains("[")) {
      done++;
    }
    String detail = message == null || message.isEmpty() ? "" : ": " + message;
    if (tty) {
      clear();
      if (!"SUCCESS".equals(resultState) || willRetry) {
        out.println(
            now() + " " + taskKey + " " + resultState + (willRetry ? ", will retry" : "") + detail);
      }
      draw(true);
    } else {
      line(taskKey + " " + resultState + (willRetry ? ", will retry" : "") + detail);
    }
  }

  @Override
  public synchronized void runFinished(RunInfo run, String resultState, String message) {
    stale = false;
    if (tty) {
      // every task has ended, also those that never started (skipped, excluded, upstream failed)
      done = total;
      running.clear();
      draw(true);
      out.println();
    }
    line(
        "run "
            + run.runId()
            + " "
            + resultState
            + (message == null || message.isEmpty() ? "" : ": " + message));
    flush();
    if (flushTask != null) {
      flushTask.cancel(false);
      flushTask = null;
    }
  }

  private void line(String s) {
    out.println(now() + " " + s);
    if (!unflushed) {
      unflushed = true;
      tick();
    }
  }

  /** Flushes buffered lines and redraws a stale status line every FLUSH_MILLIS from now on. */
  private void tick() {
    if (flushTask == null) {
      flushTask =
          FLUSHER.scheduleWithFixedDelay(
              this::flush, FLUSH_MILLIS, FLUSH_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void flush() {
    if (stale) {
      draw(true);
    }
    if (unflushed) {
      unflushed = false;
      out.flush();
    }
  }

  private void clear() {
    out.print("\r\033[K");
  }

  private void draw(boolean force) {
    long t = System.currentTimeMillis();
    if (!force && t - lastDraw < FLUSH_MILLIS) {
      stale = true; // drawn by the next tick
      tick();
      return;
    }
    lastDraw = t;
    stale = false;
    String names = String.join(", ", running);
    if (names.length() > 60) {
      names = names.substring(0, 57) + "...";
    }
    out.print(
        "\r\033[K[" + done + "/" + total + "]" + (names.isEmpty() ? "" : " running: " + names));
    out.flush();
  }
}
