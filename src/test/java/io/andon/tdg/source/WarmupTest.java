package io.andon.tdg.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up work of a grade loads the parsers of the languages the project holds, no other. */
class WarmupTest {
  @TempDir Path root;

  private List<String> names(int maxEntries) {
    return Warmup.languagesUnder(root, maxEntries).stream().map(Language::name).toList();
  }

  private void write(String relative) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }

  @Test
  void aPythonProjectWarmsPythonAloneAndNotJavasParser() throws IOException {
    write("pkg/a.py");
    write("pkg/sub/b.ipynb");
    write("README.md");

    assertThat(names(Warmup.MAX_ENTRIES)).containsExactly("python");
  }

  @Test
  void everyLanguageWithAFileAnywhereUnderTheFolderIsWarmedInReportOrder() throws IOException {
    write("a/b/c/d/Main.java");
    write("crate/src/lib.rs");
    write("notebook.py");

    assertThat(names(Warmup.MAX_ENTRIES)).containsExactly("java", "python", "rust");
  }

  @Test
  void hiddenFoldersAreNotLookedInto() throws IOException {
    write("app.py");
    write(".venv/lib/Vendored.java");
    write(".git/hooks/x.rs");

    assertThat(names(Warmup.MAX_ENTRIES)).containsExactly("python");
  }

  @Test
  void aFolderWithoutSourcesWarmsNothing() throws IOException {
    write("data/table.csv");

    assertThat(names(Warmup.MAX_ENTRIES)).isEmpty();
    assertThat(Warmup.languagesUnder(root.resolve("missing"), Warmup.MAX_ENTRIES)).isEmpty();
  }

  @Test
  void aWalkCutShortWarmsEveryLanguage() throws IOException {
    for (int i = 0; i < 5; i++) {
      write("data/f" + i + ".csv");
    }

    assertThat(names(3)).containsExactly("java", "python", "rust");
  }

  @Test
  void eachLanguageIsToldOnceWhenItsFirstFileIsMetAndAFailedWarmUpEndsTheWalk() throws IOException {
    for (int i = 0; i < 20; i++) {
      write("src/P" + i + ".java");
    }
    List<String> told = new ArrayList<>();

    List<Language> found =
        Warmup.languagesUnder(
            root,
            Warmup.MAX_ENTRIES,
            l -> {
              told.add(l.name());
              return true;
            });
    write("tools/x.py");
    List<String> toldThenStopped = new ArrayList<>();
    Warmup.languagesUnder(
        root,
        Warmup.MAX_ENTRIES,
        l -> {
          toldThenStopped.add(l.name());
          return false;
        });

    assertThat(told).containsExactly("java");
    assertThat(found).extracting(Language::name).containsExactly("java");
    assertThat(toldThenStopped).hasSize(1);
  }

  @Test
  void aWalkCutShortTellsOfTheLanguagesItDidNotMeet() throws IOException {
    write("a.py");
    for (int i = 0; i < 5; i++) {
      write("data/f" + i + ".csv");
    }
    List<String> told = new ArrayList<>();

    Warmup.languagesUnder(
        root,
        3,
        l -> {
          told.add(l.name());
          return true;
        });

    assertThat(told).containsExactlyInAnyOrder("java", "python", "rust");
  }

  @Test
  void theWorkRunsOnADaemonThreadOfItsOwnAndEnds() throws Exception {
    write("a.py");
    write("B.java");

    Thread t = Warmup.start(root);

    assertThat(t).isNotSameAs(Thread.currentThread());
    assertThat(t.isDaemon()).isTrue();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
  }
}
