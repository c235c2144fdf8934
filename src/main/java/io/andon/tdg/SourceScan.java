package io.andon.tdg;

import io.andon.error.InvalidInputException;
import io.andon.tdg.source.JavaCounting;
import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.Language;
import io.andon.tdg.source.Languages;
import io.andon.tdg.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The first step of a grade: lists the project's sources and analyses each one on every core, the
 * largest first ({@link LargestFirst}), through the hash cache.
 */
final class SourceScan {
  /** Files larger than this are taken as generated and listed as ungraded, not parsed. */
  static final long MAX_FILE_BYTES = 1 << 20;

  private SourceScan() {}

  /**
   * The analysed sources.
   *
   * @param files every source file, parsed or not, in path order
   * @param fromCache how many came from the hash cache
   * @param warnings what went wrong with the cache
   */
  record Result(List<SourceFile> files, int fromCache, List<String> warnings) {
    Result {
      files = List.copyOf(files);
      warnings = List.copyOf(warnings);
    }

    List<SourceFile> parsed() {
      return files.stream().filter(SourceFile::parsed).toList();
    }

    List<TdgReport.Ungraded> ungraded() {
      return files.stream()
          .filter(f -> !f.parsed())
          .map(f -> new TdgReport.Ungraded(f.path(), f.parseError().orElse("")))
          .toList();
    }
  }

  /** Analyses every source under {@code root}, reading and writing the cache in cacheHome. */
  static Result scan(Path root, TdgConfig cfg, Optional<Path> cacheHome) {
    List<String> paths = sources(root, cfg);
    AnalysisCache cache =
        cacheHome
            .map(
                h ->
                    AnalysisCache.load(
                        AnalysisCache.fileFor(h, root), Languages.rulesVersion(cfg.javaCounting())))
            .orElse(AnalysisCache.none());
    AtomicInteger cached = new AtomicInteger();
    List<AnalysisCache.Entry> entries =
        LargestFirst.map(
            paths,
            rel -> size(root.resolve(rel)),
            rel -> analyse(root, rel, cfg.javaCounting(), cache, cached));
    List<SourceFile> files = entries.stream().map(AnalysisCache.Entry::file).toList();
    List<String> warnings = new ArrayList<>();
    if (cacheHome.isPresent() && cached.get() < files.size()) {
      try {
        cache.save(entries);
      } catch (IOException | UncheckedIOException e) {
        warnings.add(
            "could not write the analysis cache ("
                + e.getMessage()
                + "); the next run"
                + " will parse every file again");
      }
    }
    return new Result(files, cached.get(), warnings);
  }

  /**
   * The source files of every language under {@code root} that no exclude glob matches, as relative
   * paths.
   */
  static List<String> sources(Path root, TdgConfig config) {
    Glob exclude = new Glob(config.allExcludes());
    List<String> out = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.equals(root)) {
                return FileVisitResult.CONTINUE;
              }
              String rel = relative(root, dir);
              return exclude.matches(rel + "/_")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String rel = relative(root, file);
              if (Languages.of(rel).isPresent() && attrs.isRegularFile() && !exclude.matches(rel)) {
                out.add(rel);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new InvalidInputException(root + ": cannot be listed (" + e.getMessage() + ").", e);
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // analyse says why it cannot be read
    }
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  /** One file, from the cache when its size and time, or else its content hash, are unchanged. */
  private static AnalysisCache.Entry analyse(
      Path root, String rel, JavaCounting java, AnalysisCache cache, AtomicInteger cached) {
    Path file = root.resolve(rel);
    Language language = Languages.of(rel, java).orElseThrow();
    long size;
    long mtime;
    try {
      BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
      size = attrs.size();
      mtime = attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      return unreadable(rel, language, e);
    }
    Optional<SourceFile> hit = cache.byStat(rel, size, mtime);
    if (hit.isPresent()) {
      cached.incrementAndGet();
      return new AnalysisCache.Entry(hit.get(), size, mtime);
    }
    if (size > MAX_FILE_BYTES) {
      return new AnalysisCache.Entry(
          SourceFile.ungraded(
              rel,
              language.name(),
              "",
              0,
              "larger than "
                  + (MAX_FILE_BYTES >> 20)
                  + " MiB ("
                  + size
                  + " bytes): taken as"
                  + " generated code and skipped; exclude it in andon-tdg.yaml to silence this"),
          size,
          mtime);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return unreadable(rel, language, e);
    }
    if (cache.knows(rel)) { // else no hash can match: the analysis hashes the bytes itself
      hit = cache.byHash(rel, JavaSourceAnalyzer.sha256(bytes));
      if (hit.isPresent()) {
        cached.incrementAndGet();
        return new AnalysisCache.Entry(hit.get(), size, mtime);
      }
    }
    return new AnalysisCache.Entry(language.analyze(rel, bytes), size, mtime);
  }

  private static AnalysisCache.Entry unreadable(String rel, Language language, IOException e) {
    return new AnalysisCache.Entry(
        SourceFile.ungraded(rel, language.name(), "", 0, "cannot be read: " + e.getMessage()),
        -1,
        -1);
  }
}
