package io.andon.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackgroundTest {
  @Test
  void givesBackTheValueFromANamedDaemonThread() {
    assertThat(
            Background.join(
                Background.start(
                    "andon-test",
                    () ->
                        Thread.currentThread().getName()
                            + " "
                            + Thread.currentThread().isDaemon())))
        .isEqualTo("andon-test true");
  }

  @Test
  void rethrowsWhatTheWorkThrewAsItWasThrown() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                Background.join(
                    Background.start(
                        "t",
                        () -> {
                          throw boom;
                        })))
        .isSameAs(boom);
    StackOverflowError error = new StackOverflowError("deep");
    assertThatThrownBy(
            () ->
                Background.join(
                    Background.start(
                        "t",
                        () -> {
                          throw error;
                        })))
        .isSameAs(error);
  }
}
