package io.andon.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileArrivalRuleTest {
  private static final Instant T0 = Instant.parse("2026-12-06T05:00:00Z");
  private static final FileArrivalTrigger WAIT_30_MIN_300 =
      new FileArrivalTrigger(
          "in/", Duration.ofSeconds(300), Duration.ofSeconds(30), PauseStatus.UNPAUSED);

  private static Instant t(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static FileSnapshot file(String path, long size, long modifiedAt) {
    return new FileSnapshot(path, size, t(modifiedAt));
  }

  /** A state that has taken its baseline of {@code existing} at T0. */
  private static FileArrivalState baselined(FileSnapshot... existing) {
    return FileArrivalRule.decide(
            WAIT_30_MIN_300, FileArrivalState.initial(), List.of(existing), T0)
        .next();
  }

  @Test
  void filesPresentAtTheFirstListingNeverFire() {
    FileArrivalState state = baselined(file("in/old.csv", 10, -100));
    FileArrivalDecision later =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, state, List.of(file("in/old.csv", 10, -100)), t(3600));
    assertThat(later).isEqualTo(new FileArrivalDecision.Wait(Optional.empty(), state));
  }

  @Test
  void aNewFileFiresOnceItHasBeenQuietForTheWait() {
    FileArrivalDecision seen =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, baselined(), List.of(file("in/a.csv", 10, 5)), t(10));
    assertThat(seen).isInstanceOf(FileArrivalDecision.Wait.class);
    assertThat(((FileArrivalDecision.Wait) seen).checkAt()).contains(t(40));
    FileArrivalDecision early =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, seen.next(), List.of(file("in/a.csv", 10, 5)), t(39));
    assertThat(early).isInstanceOf(FileArrivalDecision.Wait.class);
    FileArrivalDecision quiet =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, early.next(), List.of(file("in/a.csv", 10, 5)), t(40));
    assertThat(quiet).isInstanceOf(FileArrivalDecision.Fire.class);
    assertThat(((FileArrivalDecision.Fire) quiet).files()).containsExactly(file("in/a.csv", 10, 5));
    assertThat(quiet.next().lastFire()).contains(t(40));
    FileArrivalDecision after =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, quiet.next(), List.of(file("in/a.csv", 10, 5)), t(1000));
    assertThat(after).isInstanceOf(FileArrivalDecision.Wait.class);
  }

  @Test
  void aFileStillGrowingOrAnotherArrivingRestartsTheQuietPeriod() {
    FileArrivalDecision first =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, baselined(), List.of(file("in/a.csv", 10, 5)), t(10));
    FileArrivalDecision growing =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, first.next(), List.of(file("in/a.csv", 20, 25)), t(30));
    assertThat(((FileArrivalDecision.Wait) growing).checkAt()).contains(t(60));
    FileArrivalDecision another =
        FileArrivalRule.decide(
            WAIT_30_MIN_300,
            growing.next(),
            List.of(file("in/a.csv", 20, 25), file("in/b.csv", 1, 50)),
            t(55));
    assertThat(((FileArrivalDecision.Wait) another).checkAt()).contains(t(85));
    FileArrivalDecision fire =
        FileArrivalRule.decide(
            WAIT_30_MIN_300,
            another.next(),
            List.of(file("in/a.csv", 20, 25), file("in/b.csv", 1, 50)),
            t(85));
    assertThat(((FileArrivalDecision.Fire) fire).files())
        .containsExactly(file("in/a.csv", 20, 25), file("in/b.csv", 1, 50));
  }

  @Test
  void itFiresAtMostOncePerMinTimeBetweenTriggers() {
    FileArrivalDecision a =
        FileArrivalRule.decide(WAIT_30_MIN_300, baselined(), List.of(file("in/a.csv", 1, 1)), t(0));
    FileArrivalDecision fireA =
        FileArrivalRule.decide(WAIT_30_MIN_300, a.next(), List.of(file("in/a.csv", 1, 1)), t(30));
    assertThat(fireA).isInstanceOf(FileArrivalDecision.Fire.class);
    List<FileSnapshot> withB = List.of(file("in/a.csv", 1, 1), file("in/b.csv", 1, 40));
    FileArrivalDecision b = FileArrivalRule.decide(WAIT_30_MIN_300, fireA.next(), withB, t(40));
    FileArrivalDecision quietButTooSoon =
        FileArrivalRule.decide(WAIT_30_MIN_300, b.next(), withB, t(100));
    assertThat(quietButTooSoon).isInstanceOf(FileArrivalDecision.Wait.class);
    assertThat(((FileArrivalDecision.Wait) quietButTooSoon).checkAt()).contains(t(330));
    FileArrivalDecision fireB =
        FileArrivalRule.decide(WAIT_30_MIN_300, quietButTooSoon.next(), withB, t(330));
    assertThat(((FileArrivalDecision.Fire) fireB).files()).containsExactly(file("in/b.csv", 1, 40));
  }

  @Test
  void aNewFileDeletedBeforeItFiresIsDroppedAndAReturningFileIsNewAgain() {
    FileArrivalDecision a =
        FileArrivalRule.decide(
            WAIT_30_MIN_300,
            baselined(file("in/old.csv", 1, -5)),
            List.of(file("in/old.csv", 1, -5), file("in/a.csv", 1, 1)),
            t(1));
    FileArrivalDecision gone = FileArrivalRule.decide(WAIT_30_MIN_300, a.next(), List.of(), t(100));
    assertThat(gone).isEqualTo(new FileArrivalDecision.Wait(Optional.empty(), gone.next()));
    assertThat(gone.next().pending()).isEmpty();
    FileArrivalDecision back =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, gone.next(), List.of(file("in/old.csv", 1, 150)), t(150));
    FileArrivalDecision fire =
        FileArrivalRule.decide(
            WAIT_30_MIN_300, back.next(), List.of(file("in/old.csv", 1, 150)), t(180));
    assertThat(((FileArrivalDecision.Fire) fire).files())
        .containsExactly(file("in/old.csv", 1, 150));
  }

  @Test
  void aPausedTriggerKeepsItsStateAndFiresForTheFilesThatCameOnceResumed() {
    FileArrivalTrigger paused =
        new FileArrivalTrigger(
            "in/", Duration.ofSeconds(300), Duration.ofSeconds(30), PauseStatus.PAUSED);
    FileArrivalState state = baselined();
    List<FileSnapshot> listing = List.of(file("in/a.csv", 1, 1));
    FileArrivalDecision whilePaused = FileArrivalRule.decide(paused, state, listing, t(100));
    assertThat(whilePaused).isEqualTo(new FileArrivalDecision.Wait(Optional.empty(), state));
    FileArrivalDecision resumed = FileArrivalRule.decide(WAIT_30_MIN_300, state, listing, t(200));
    FileArrivalDecision fire =
        FileArrivalRule.decide(WAIT_30_MIN_300, resumed.next(), listing, t(230));
    assertThat(fire).isInstanceOf(FileArrivalDecision.Fire.class);
  }
}
