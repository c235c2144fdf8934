package io.andon.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderListerTest {
  @TempDir Path dir;

  private Path write(String relative, String text, Instant modified) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private List<String> paths(List<FileSnapshot> files) {
    return files.stream().map(f -> dir.relativize(Path.of(f.path())).toString()).toList();
  }

  @Test
  void aFolderListsEveryRegularFileUnderItWithSizeAndModifiedTime() throws Exception {
    Instant when = Instant.parse("2026-12-06T05:00:00Z");
    Path a = write("in/a.csv", "12345", when);
    write("in/sub/b.json", "{}", when);
    write("out/c.csv", "x", when);
    List<FileSnapshot> files = new FolderLister(dir).list("in");
    assertThat(paths(files)).containsExactly("in/a.csv", "in/sub/b.json");
    assertThat(files.get(0)).isEqualTo(new FileSnapshot(a.toString(), 5, when));
  }

  @Test
  void aGlobListsOnlyTheMatchingFilesAndAFileUrlWorksLikeAPath() throws Exception {
    Instant when = Instant.parse("2026-12-06T05:00:00Z");
    write("in/a.csv", "1", when);
    write("in/b.json", "1", when);
    write("in/2026/c.csv", "1", when);
    FolderLister lister = new FolderLister(dir);
    assertThat(paths(lister.list("in/*.csv"))).containsExactly("in/a.csv");
    assertThat(paths(lister.list("in/**.csv"))).containsExactly("in/2026/c.csv", "in/a.csv");
    assertThat(paths(lister.list(dir.resolve("in").toUri().toString())))
        .containsExactly("in/2026/c.csv", "in/a.csv", "in/b.json");
  }

  @Test
  void aFolderThatDoesNotExistIsAClearError() {
    assertThatThrownBy(() -> new FolderLister(dir).list("incoming/*.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "file_arrival url 'incoming/*.csv': "
                + dir.resolve("incoming")
                + " does not exist; create the folder or fix the url.");
  }

  @Test
  void aRealFileDroppedIntoTheFolderFiresAfterTheQuietPeriod() throws Exception {
    Files.createDirectories(dir.resolve("in"));
    write("in/old.csv", "old", Instant.parse("2026-12-01T00:00:00Z"));
    FolderLister lister = new FolderLister(dir);
    FileArrivalTrigger trigger =
        new FileArrivalTrigger(
            "in", java.time.Duration.ZERO, java.time.Duration.ofSeconds(60), PauseStatus.UNPAUSED);
    Instant t0 = Instant.parse("2026-12-06T05:00:00Z");
    FileArrivalState state =
        FileArrivalRule.decide(trigger, FileArrivalState.initial(), lister.list("in"), t0).next();
    write("in/new.csv", "new", t0.plusSeconds(5));
    FileArrivalDecision seen =
        FileArrivalRule.decide(trigger, state, lister.list("in"), t0.plusSeconds(10));
    FileArrivalDecision fire =
        FileArrivalRule.decide(trigger, seen.next(), lister.list("in"), t0.plusSeconds(70));
    assertThat(fire).isInstanceOf(FileArrivalDecision.Fire.class);
    assertThat(paths(((FileArrivalDecision.Fire) fire).files())).containsExactly("in/new.csv");
  }
}
