package io.andon.tdg;

import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.Languages;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-file analysis results keyed by path and content hash, so that a re-run only parses files
 * whose bytes changed. One binary file per project under {@code <andon home>/tdg-cache/}, named
 * after a hash of the project's absolute path. Each entry also keeps the file's size and
 * modification time: when both are unchanged the file is not even read (as git's index does);
 * otherwise its SHA-256 decides. Results of another rules version are ignored, and a damaged cache
 * file is ignored and rewritten, never an error.
 */
final class AnalysisCache {
  private static final int MAGIC = 0x41544448; // "ATDH"

  /** A cached result with the file's size and modification time when it was analysed. */
  record Entry(SourceFile file, long size, long mtime) {}

  private final Path file;
  private final int rulesVersion;
  private final Map<String, Entry> entries;

  private AnalysisCache(Path file, int rulesVersion, Map<String, Entry> entries) {
    this.file = file;
    this.rulesVersion = rulesVersion;
    this.entries = entries;
  }

  static Path fileFor(Path home, Path root) {
    String key =
        JavaSourceAnalyzer.sha256(
                root.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8))
            .substring(0, 16);
    return home.resolve("tdg-cache").resolve(key + ".bin");
  }

  /** The cache in {@code file}, for results of these rules ({@link Languages#rulesVersion}). */
  static AnalysisCache load(Path file, int rulesVersion) {
    Map<String, Entry> entries = new HashMap<>();
    if (Files.isRegularFile(file)) {
      try (DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
        read(in, rulesVersion, entries);
      } catch (IOException | RuntimeException e) {
        entries.clear(); // damaged: start over
      }
    }
    return new AnalysisCache(file, rulesVersion, entries);
  }

  static AnalysisCache none() {
    return new AnalysisCache(null, 0, new HashMap<>());
  }

  /** The cached result when size and modification time are those recorded. */
  Optional<SourceFile> byStat(String path, long size, long mtime) {
    Entry e = entries.get(path);
    return e != null && e.size() == size && e.mtime() == mtime
        ? Optional.of(e.file())
        : Optional.empty();
  }

  /** Whether a result is cached for this path, whatever its hash. */
  boolean knows(String path) {
    return entries.containsKey(path);
  }

  /** The cached result when the content hash is the one recorded. */
  Optional<SourceFile> byHash(String path, String sha256) {
    Entry e = entries.get(path);
    return e != null && e.file().sha256().equals(sha256) ? Optional.of(e.file()) : Optional.empty();
  }

  void save(List<Entry> files) throws IOException {
    if (file == null) {
      return;
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(rulesVersion);
      out.writeInt(files.size());
      for (Entry e : files) {
        SourceFile f = e.file();
        out.writeUTF(f.path());
        out.writeUTF(f.language());
        out.writeUTF(f.sha256());
        out.writeLong(e.size());
        out.writeLong(e.mtime());
        out.writeInt(f.lines());
        out.writeInt(f.publicApi());
        out.writeInt(f.documented());
        out.writeUTF(f.parseError().orElse(""));
        out.writeBoolean(f.parseError().isPresent());
        out.writeInt(f.undocumented().size());
        for (String u : f.undocumented()) {
          out.writeUTF(u);
        }
        out.writeInt(f.methods().size());
        for (MethodMetrics m : f.methods()) {
          out.writeUTF(m.name());
          out.writeInt(m.line());
          out.writeInt(m.cyclomatic());
          out.writeInt(m.cognitive());
          out.writeInt(m.nesting());
          out.writeInt(m.length());
          out.writeInt(m.parameters());
          out.writeInt(m.cell());
        }
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void read(DataInputStream in, int rulesVersion, Map<String, Entry> out)
      throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != rulesVersion) {
      return;
    }
    int n = in.readInt();
    for (int i = 0; i < n; i++) {
      String path = in.readUTF();
      String language = in.readUTF();
      String sha = in.readUTF();
      long size = in.readLong();
      long mtime = in.readLong();
      int lines = in.readInt();
      int api = in.readInt();
      int doc = in.readInt();
      String error = in.readUTF();
      boolean hasError = in.readBoolean();
      int nu = in.readInt();
      List<String> undoc = new ArrayList<>(nu);
      for (int j = 0; j < nu; j++) {
        undoc.add(in.readUTF());
      }
      int nm = in.readInt();
      List<MethodMetrics> methods = new ArrayList<>(nm);
      for (int j = 0; j < nm; j++) {
        methods.add(
            new MethodMetrics(
                in.readUTF(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt()));
      }
      out.put(
          path,
          new Entry(
              new SourceFile(
                  path,
                  language,
                  sha,
                  lines,
                  methods,
                  api,
                  doc,
                  undoc,
                  hasError ? Optional.of(error) : Optional.empty()),
              size,
              mtime));
    }
  }
}
