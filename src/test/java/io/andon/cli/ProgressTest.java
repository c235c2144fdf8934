package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.engine.RunListener.RunInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void plainLinesReachTheOutputWhileTheRunGoesOn() throws Exception {
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink, true), false, 2);
    RunInfo run = new RunInfo(7, "job", "/job.yml", Instant.now(), Map.of(), 0);
    p.runStarted(run);
    p.taskStarted(run, "train", 1);
    // buffered, but a long task's start must not wait for its end to be seen
    for (int i = 0; i < 100 && !sink.toString().contains("train started"); i++) {
      Thread.sleep(20);
    }
    assertThat(sink.toString()).contains("run 7 of job job started", "train started");
    p.taskFinished(run, "train", "FAILED", 1, true, "exit code 1");
    p.taskStarted(run, "train", 2);
    p.taskFinished(run, "train", "SUCCESS", 2, false, "");
    p.runFinished(run, "SUCCESS", null);
    assertThat(sink.toString().lines().map(l -> l.substring(9)).toList())
        .containsExactly(
            "run 7 of job job started",
            "train started",
            "train FAILED, will retry: exit code 1",
            "train started (attempt 2)",
            "train SUCCESS",
            "run 7 SUCCESS");
  }

  /** On a terminal the status line shows every task that runs, even two started at once. */
  @Test
  void theStatusLineCatchesUpWithTasksStartedTogether() throws Exception {
    StringWriter sink = new StringWriter();
    Progress p = new Progress(new PrintWriter(sink, true), true, 3);
    RunInfo run = new RunInfo(7, "job", "/job.yml", Instant.now(), Map.of(), 0);
    p.runStarted(run);
    p.taskStarted(run, "a", 1);
    p.taskStarted(run, "b", 1);
    for (int i = 0; i < 100 && !status(sink).equals("[0/3] running: a, b"); i++) {
      Thread.sleep(20);
    }
    assertThat(status(sink)).isEqualTo("[0/3] running: a, b");
    p.taskFinished(run, "a", "SUCCESS", 1, false, "");
    assertThat(status(sink)).isEqualTo("[1/3] running: b");
    p.taskFinished(run, "b", "FAILED", 1, false, "exit code 3");
    assertThat(sink.toString()).contains(" b FAILED: exit code 3\n");
    assertThat(status(sink)).isEqualTo("[2/3]");
    p.runFinished(run, "FAILED", "b FAILED");
    assertThat(sink.toString()).endsWith(" run 7 FAILED: b FAILED\n");
  }

  /** What the terminal shows on the status line: the text after the last clear. */
  private static String status(StringWriter sink) {
    String s = sink.toString();
    return s.substring(s.lastIndexOf("\033[K") + 3);
  }
}
