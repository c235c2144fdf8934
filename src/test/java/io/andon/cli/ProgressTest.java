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
    assertThat(sink.toString().lines().map(l -> l.substring(9)).toList()).containsExactly(
        "run 7 of job job started", "train started", "train FAILED, will retry: exit code 1",
        "train started (attempt 2)", "train SUCCESS", "run 7 SUCCESS");
  }
}
