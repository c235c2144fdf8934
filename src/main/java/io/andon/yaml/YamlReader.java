package io.andon.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a YAML or JSON file into a {@link YNode} tree that keeps line and column of every value.
 * Refuses, with a message a user can act on, files that are missing, empty, binary, too large or
 * malformed, and mappings that repeat a key.
 */
public final class YamlReader {
  /** Largest definition file andon reads. */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  /** Deepest nesting of lists and mappings andon reads. */
  public static final int MAX_DEPTH = 1000;

  private static final YAMLFactory YAML = yamlFactory();

  private YamlReader() {}

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_BYTES);
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both positions
    YAMLFactory f = new WordFactory(YAMLFactory.builder().loaderOptions(options));
    f.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxStringLength((int) MAX_BYTES)
            .maxNestingDepth(MAX_DEPTH)
            .build());
    return f;
  }

  /** Reads a file; the name used in positions is the path as given. */
  public static YNode read(Path path) {
    return parse(path.toString(), readBytes(path));
  }

  /**
   * Reads a definition file's text, refusing missing, directory, huge, binary and non-UTF-8 files
   * with a message that says what to do.
   */
  public static String readText(Path path) {
    return decode(path.toString(), readBytes(path));
  }

  private static byte[] readBytes(Path path) {
    String name = path.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) {
        throw new InvalidInputException(name + " is a directory; give the path of a YAML file.");
      }
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        throw new InvalidInputException(
            name
                + " is "
                + size / (1024 * 1024)
                + " MiB; andon reads definition files of at most "
                + MAX_BYTES / (1024 * 1024)
                + " MiB. Is this the right file?");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(
          name
              + ": no such file. Check the path (relative paths start"
              + " from "
              + Path.of("").toAbsolutePath()
              + ").");
    } catch (IOException e) {
      throw new InvalidInputException(name + ": cannot be read (" + e.getMessage() + ").", e);
    }
    return bytes;
  }

  /** Parses text already in memory; {@code name} appears in every position. */
  public static YNode parse(String name, byte[] bytes) {
    return parse(name, decode(name, bytes));
  }

  /** A parse done ahead of time by {@link #readAhead}: its tree, or the problem it met. */
  private record Ahead(String name, String text, YNode tree, RuntimeException problem) {}

  private static volatile java.util.concurrent.CompletableFuture<Ahead> ahead;

  /**
   * Starts reading and parsing {@code path} on a background thread, for a command that will load it
   * after its own start-up: on two cores the parse of a large job overlaps with building the
   * command line. {@link #parse(String, String)} uses the result only for the same name and the
   * same text, so a file that changed in between is parsed again; failures of the early read are
   * left for the real one to report.
   */
  public static void readAhead(Path path) {
    ahead =
        io.andon.util.Background.start(
            "andon-read-ahead",
            () -> {
              String name = path.toString();
              String text = readText(path);
              try {
                return new Ahead(name, text, parseNow(name, text), null);
              } catch (RuntimeException e) {
                return new Ahead(name, text, null, e);
              }
            });
  }

  /** Parses text already decoded; {@code name} appears in every position. */
  public static YNode parse(String name, String text) {
    java.util.concurrent.CompletableFuture<Ahead> f = ahead;
    if (f != null) {
      Ahead a;
      try {
        a = io.andon.util.Background.join(f);
      } catch (RuntimeException e) {
        a = null; // the early read failed: the caller has read the file since, so parse it now
      }
      if (a != null && a.name().equals(name) && a.text().equals(text)) {
        ahead = null;
        if (a.problem() != null) {
          throw a.problem();
        }
        return a.tree();
      }
    }
    return parseNow(name, text);
  }

  /**
   * Parses {@code text}: a large file whose bulk is one block sequence (a job's tasks) in two
   * halves on two threads when {@link Halves} can prove the halves parse as the whole does, in one
   * piece otherwise.
   */
  private static YNode parseNow(String name, String text) {
    if (text.length() >= Halves.MIN_CHARS) {
      YNode n = Halves.parse(name, text, Halves.MIN_ITEMS);
      if (n != null) {
        return n;
      }
    }
    return parseWhole(name, text);
  }

  /** Stack of the thread that reads a file nested deeper than the caller's stack holds. */
  private static final long DEEP_STACK_BYTES = 256L * 1024 * 1024;

  /**
   * Builds the tree of a deeply nested file on a thread of its own with a large stack: the parser
   * and the tree recurse once per level, and {@link #MAX_DEPTH} levels need more than a default
   * thread's stack. The stack is reserved, not touched, so it costs no memory.
   */
  private static YamlTree buildOnDeepStack(String name, String text) throws IOException {
    Object[] out = new Object[1];
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                out[0] = build(name, text, 0, 0);
              } catch (IOException | RuntimeException e) {
                out[0] = e;
              } catch (StackOverflowError e) {
                out[0] =
                    new InvalidInputException(
                        name
                            + ": lists and mappings are nested too deeply;"
                            + " andon reads at most "
                            + MAX_DEPTH
                            + " levels. Flatten the structure.");
              }
            },
            "andon-deep-yaml",
            DEEP_STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidInputException(name + ": reading was interrupted.", e);
    }
    if (out[0] instanceof IOException e) {
      throw e;
    }
    if (out[0] instanceof RuntimeException e) {
      throw e;
    }
    return (YamlTree) out[0];
  }

  /** Parses {@code text} in one piece; every problem is reported from here. */
  static YNode parseWhole(String name, String text) {
    if (text.isBlank()) {
      throw new InvalidInputException(name + " is empty; it should hold a YAML mapping.");
    }
    YamlTree tree;
    try {
      try {
        tree = build(name, text, 0, 0);
      } catch (StackOverflowError deep) {
        tree = buildOnDeepStack(name, text);
      }
    } catch (IOException e) {
      throw new InvalidInputException(malformed(name, e), e);
    }
    if (tree.root == null) {
      throw new InvalidInputException(name + " holds no YAML document.");
    }
    if (!tree.dups.isEmpty()) {
      throw new InvalidInputException(name + " repeats keys:", tree.dups);
    }
    return tree.root;
  }

  /**
   * Parses one piece of a split file: its tree, or null when it has problems (the whole file is
   * then parsed again, for the messages). Remembers the sequence that starts at {@code line},
   * {@code column} and the line of the token that ends it.
   */
  static YamlTree parsePiece(String name, String text, int line, int column) {
    try {
      YamlTree tree = build(name, text, line, column);
      return tree.root != null && tree.dups.isEmpty() ? tree : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The tree of the first document in {@code text} (root null when there is none). */
  private static YamlTree build(String name, String text, int line, int column) throws IOException {
    YamlTree tree = new YamlTree(name, line, column);
    try (JsonParser p = YAML.createParser(text)) {
      try {
        JsonToken t = p.nextToken();
        if (t != null) {
          tree.root = tree.node(p, t);
        }
      } catch (StreamConstraintsException e) {
        throw new InvalidInputException(beyondLimits(name, p.currentLocation(), e), e);
      }
    }
    return tree;
  }

  /** The message for a file beyond one of the parser's limits, without the parser's internals. */
  private static String beyondLimits(String name, JsonLocation l, StreamConstraintsException e) {
    String where = name + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": ";
    String msg = String.valueOf(e.getOriginalMessage());
    if (msg.contains("nesting depth")) {
      return where
          + "lists and mappings are nested more than "
          + MAX_DEPTH
          + " levels deep here;"
          + " andon reads at most "
          + MAX_DEPTH
          + ". Flatten the structure, or look for an"
          + " unclosed '[' or '{'.";
    }
    int internals = msg.indexOf(", from `");
    return where
        + (internals > 0 ? msg.substring(0, internals) + ")" : msg)
        + ". Shorten the value.";
  }

  private static String decode(String name, byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        throw new InvalidInputException(
            name + " is a binary file, not YAML text. Give the path of the job's .yml file.");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(name + " is not UTF-8 text; save it as UTF-8.", e);
    }
  }

  private static String malformed(String name, IOException e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        && jpe.getLocation() != null) {
      JsonLocation l = jpe.getLocation();
      String first = msg.lines().findFirst().orElse(msg);
      int at = first.indexOf(" at [Source");
      if (at > 0) {
        first = first.substring(0, at);
      }
      // SnakeYAML puts the useful part ("mapping values are not allowed here") in the message
      String detail =
          msg.lines()
              .skip(1)
              .map(String::strip)
              .filter(
                  s -> !s.isEmpty() && !s.startsWith("at [Source") && !s.startsWith("in 'reader'"))
              .findFirst()
              .orElse("");
      return name
          + ":"
          + l.getLineNr()
          + ":"
          + l.getColumnNr()
          + ": malformed YAML: "
          + first.strip()
          + (detail.isEmpty() ? "" : " (" + detail + ")")
          + ". Fix the syntax at that position.";
    }
    return name + ": malformed YAML: " + msg;
  }

  /** The factory, for callers that stream YAML themselves. */
  public static JsonFactory factory() {
    return YAML;
  }
}
