package io.andon.schedule;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists the files a file-arrival {@code url} names, for {@link FileArrivalRule}: a folder (every
 * regular file under it, at any depth) or a glob ({@code data/in/*.csv}, {@code data/**}), as a
 * plain path or a {@code file:} URL, relative to a base folder. Files that vanish while listed are
 * left out.
 */
public final class FolderLister {
  private final Path base;

  /** Relative urls are resolved against {@code base} (the job file's folder). */
  public FolderLister(Path base) {
    this.base = Objects.requireNonNull(base, "base").toAbsolutePath().normalize();
  }

  /** The files of {@code url}, sorted by path; an error when its folder does not exist. */
  public List<FileSnapshot> list(String url) {
    Path target = resolve(url);
    Optional<Integer> globAt = firstGlobSegment(target);
    Path root = requireFolder(url);
    Optional<PathMatcher> matcher =
        globAt.map(
            i ->
                FileSystems.getDefault()
                    .getPathMatcher("glob:" + target.toString().replace("\\", "\\\\")));
    List<FileSnapshot> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && matcher.map(m -> m.matches(file)).orElse(true)) {
                files.add(
                    new FileSnapshot(
                        file.toString(), attrs.size(), attrs.lastModifiedTime().toInstant()));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + root + " for file_arrival url '" + url + "'", e);
    }
    files.sort(Comparator.comparing(FileSnapshot::path));
    return List.copyOf(files);
  }

  /**
   * The folder {@code url} lists (the url itself, or the folder before its first glob segment); an
   * error that names it when it does not exist or is a file.
   */
  public Path requireFolder(String url) {
    Path target = resolve(url);
    Path root =
        firstGlobSegment(target)
            .map(i -> i == 0 ? target.getRoot() : target.getRoot().resolve(target.subpath(0, i)))
            .orElse(target);
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException(
          "file_arrival url '"
              + url
              + "': "
              + root
              + (Files.exists(root)
                  ? " is a file; give its folder ("
                      + root.getParent()
                      + ") or a glob that matches it."
                  : " does not exist; create the folder or fix the" + " url."));
    }
    return root;
  }

  private Path resolve(String url) {
    Path path = url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(url);
    return base.resolve(path).normalize();
  }

  private static Optional<Integer> firstGlobSegment(Path path) {
    for (int i = 0; i < path.getNameCount(); i++) {
      String name = path.getName(i).toString();
      if (name.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
