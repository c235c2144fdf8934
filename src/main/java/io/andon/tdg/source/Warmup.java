package io.andon.tdg.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Start-up work of a grade, on a thread of its own while the caller reads the command line: finds
 * which languages a project holds, then measures a small sample of each, so that their parsers'
 * classes, native libraries and the SHA-256 provider are loaded and initialised before the scan
 * needs them. A language with no file in the project costs nothing: Java's parser alone takes more
 * CPU to load than a Python project's smaller files take to grade.
 */
public final class Warmup {
  /** The walk gives up after this many files and folders, and warms every language then. */
  static final int MAX_ENTRIES = 20_000;

  /** A file of each language to measure, by language name. */
  private static final Map<String, Sample> SAMPLES =
      Map.of(
          "java",
          new Sample(
              "Warmup.java", "class P { int f(int x) { return x > 0 && x < 2 ? f(x - 1) : 0; } }"),
          "python",
          new Sample(
              "warmup.py",
              "def f(x):\n    \"\"\"Doc.\"\"\"\n    return [y for y in x if y and y > 1] or None\n"),
          "rust",
          new Sample(
              "warmup.rs", "fn f(x: i32) -> i32 { if x > 0 && x < 2 { f(x - 1) } else { 0 } }\n"));

  private record Sample(String path, String text) {}

  private Warmup() {}

  /** Starts the work for the project under {@code root} and returns its thread, a daemon. */
  public static Thread start(Path root) {
    Thread t = new Thread(() -> run(root), "andon-tdg-warmup");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void run(Path root) {
    languagesUnder(root, MAX_ENTRIES, Warmup::warm);
  }

  /** Measures the language's sample; false when that failed, which ends the work. */
  private static boolean warm(Language language) {
    Sample sample = SAMPLES.get(language.name());
    if (sample == null) {
      return true;
    }
    try {
      language.analyze(sample.path(), sample.text().getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false; // only a head start: the scan meets the same failure and reports it
    }
  }

  /**
   * The languages that read a file under {@code root}, in report order, hidden folders left out;
   * every language when there are more than {@code maxEntries} files and folders to look at.
   */
  static List<Language> languagesUnder(Path root, int maxEntries) {
    return languagesUnder(root, maxEntries, language -> true);
  }

  /**
   * As {@link #languagesUnder(Path, int)}, telling {@code onFound} of each language as the walk
   * meets its first file (so that its warm-up does not wait for the rest of the walk), and of every
   * language not met when the walk is cut short; the walk stops when {@code onFound} returns false.
   */
  static List<Language> languagesUnder(Path root, int maxEntries, Predicate<Language> onFound) {
    Set<Language> found = new LinkedHashSet<>();
    int[] seen = {0};
    boolean[] cutShort = {false};
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return count();
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              Optional<Language> language = Languages.of(file.getFileName().toString());
              if (language.isPresent() && found.add(language.get())) {
                if (!onFound.test(language.get()) || found.size() == Languages.all().size()) {
                  return FileVisitResult.TERMINATE;
                }
              }
              return count();
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }

            private FileVisitResult count() {
              if (++seen[0] > maxEntries) {
                cutShort[0] = true;
                return FileVisitResult.TERMINATE;
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      return List.of(); // the scan says what is wrong with the folder
    }
    if (cutShort[0]) {
      for (Language l : Languages.all()) {
        if (!found.contains(l) && !onFound.test(l)) {
          break;
        }
      }
    }
    return Languages.all().stream().filter(l -> cutShort[0] || found.contains(l)).toList();
  }
}
