package io.andon.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.andon.error.InvalidInputException;
import io.andon.error.Problem;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  /** The merge key of YAML 1.1, which the Databricks CLI honours. */
  private static final String MERGE = "<<";
  /** Most values a file may hold once its aliases are expanded. */
  static final int MAX_NODES = 10_000_000;

  private YamlReader() {}

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_BYTES);
    options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both positions
    YAMLFactory f = new WordFactory(YAMLFactory.builder().loaderOptions(options));
    f.setStreamReadConstraints(
        StreamReadConstraints.builder().maxStringLength((int) MAX_BYTES)
            .maxNestingDepth(MAX_DEPTH).build());
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
            name + " is " + size / (1024 * 1024) + " MiB; andon reads definition files of at most "
                + MAX_BYTES / (1024 * 1024) + " MiB. Is this the right file?");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(name + ": no such file. Check the path (relative paths start"
          + " from " + Path.of("").toAbsolutePath() + ").");
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
   * Starts reading and parsing {@code path} on a background thread, for a command that will load
   * it after its own start-up: on two cores the parse of a large job overlaps with building the
   * command line. {@link #parse(String, String)} uses the result only for the same name and the
   * same text, so a file that changed in between is parsed again; failures of the early read
   * are left for the real one to report.
   */
  public static void readAhead(Path path) {
    ahead = io.andon.util.Background.start("andon-read-ahead", () -> {
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
   * halves on two threads when {@link Halves} can prove the halves parse as the whole does, in
   * one piece otherwise.
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
   * Builds the tree of a deeply nested file on a thread of its own with a large stack: the
   * parser and the tree recurse once per level, and {@link #MAX_DEPTH} levels need more than a
   * default thread's stack. The stack is reserved, not touched, so it costs no memory.
   */
  private static Tree buildOnDeepStack(String name, String text) throws IOException {
    Object[] out = new Object[1];
    Thread t = new Thread(null, () -> {
      try {
        out[0] = build(name, text, 0, 0);
      } catch (IOException | RuntimeException e) {
        out[0] = e;
      } catch (StackOverflowError e) {
        out[0] = new InvalidInputException(name + ": lists and mappings are nested too deeply;"
            + " andon reads at most " + MAX_DEPTH + " levels. Flatten the structure.");
      }
    }, "andon-deep-yaml", DEEP_STACK_BYTES);
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
    return (Tree) out[0];
  }

  /** Parses {@code text} in one piece; every problem is reported from here. */
  static YNode parseWhole(String name, String text) {
    if (text.isBlank()) {
      throw new InvalidInputException(name + " is empty; it should hold a YAML mapping.");
    }
    Tree tree;
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
  static Tree parsePiece(String name, String text, int line, int column) {
    try {
      Tree tree = build(name, text, line, column);
      return tree.root != null && tree.dups.isEmpty() ? tree : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The tree of the first document in {@code text} (root null when there is none). */
  private static Tree build(String name, String text, int line, int column) throws IOException {
    Tree tree = new Tree(name, line, column);
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
      return where + "lists and mappings are nested more than " + MAX_DEPTH + " levels deep here;"
          + " andon reads at most " + MAX_DEPTH + ". Flatten the structure, or look for an"
          + " unclosed '[' or '{'.";
    }
    int internals = msg.indexOf(", from `");
    return where + (internals > 0 ? msg.substring(0, internals) + ")" : msg)
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
      String detail = msg.lines().skip(1).map(String::strip).filter(s -> !s.isEmpty()
          && !s.startsWith("at [Source") && !s.startsWith("in 'reader'")).findFirst().orElse("");
      return name + ":" + l.getLineNr() + ":" + l.getColumnNr() + ": malformed YAML: "
          + first.strip() + (detail.isEmpty() ? "" : " (" + detail + ")")
          + ". Fix the syntax at that position.";
    }
    return name + ": malformed YAML: " + msg;
  }

  /** Builds a {@link YNode} tree from a parser's tokens. */
  static final class Tree {
    private final String name;
    final List<Problem> dups = new ArrayList<>();
    /** Where the sequence to remember starts (0 when none is). */
    private final int watchLine;
    private final int watchColumn;
    /** That sequence, once read, and the line of the token that ended it. */
    YList watched;
    int watchedEndLine;
    int watchedEndColumn;
    YNode root;
    /** Anchored nodes by name, and how many values each holds, for aliases. */
    private final Map<String, YNode> anchors = new HashMap<>();
    private final Map<YNode, Integer> sizes = new java.util.IdentityHashMap<>();
    /** Values read so far, each alias counted as the values it stands for. */
    private int count;

    Tree(String name, int watchLine, int watchColumn) {
      this.name = name;
      this.watchLine = watchLine;
      this.watchColumn = watchColumn;
    }

    private Loc loc(JsonLocation l) {
      return new Loc(name, l.getLineNr(), l.getColumnNr());
    }

    YNode node(JsonParser p, JsonToken t) throws IOException {
      Loc here = loc(p.currentTokenLocation());
      refuseTag(p, here);
      // read before the children are, whose tokens carry anchors of their own
      Object anchor = !t.isScalarValue() ? p.getObjectId()
          : p instanceof WordParser w && !w.isCurrentAlias() ? w.scalarAnchor : null;
      int before = count;
      YNode n = value(p, t, here);
      if (anchor != null) {
        anchors.put(anchor.toString(), n);
        sizes.put(n, count - before);
      }
      return n;
    }

    /**
     * An alias ({@code *name}) stands for the node its anchor ({@code &name}) marked earlier in
     * the file; the tree shares that node. Each use counts as many nodes as the anchored one
     * holds, and a file that grows past {@link #MAX_NODES} that way is refused: a few nested
     * aliases can otherwise stand for billions of values.
     */
    private YNode alias(String name, Loc here) {
      YNode n = anchors.get(name);
      if (n == null) {
        throw new InvalidInputException(here + ": alias *" + name + " names no anchor; define"
            + " &" + name + " on a value above it.");
      }
      count += sizes.getOrDefault(n, 1);
      if (count > MAX_NODES) {
        throw new InvalidInputException(here + ": the aliases of this file expand to more than "
            + MAX_NODES + " values; use fewer nested aliases.");
      }
      return n;
    }

    private YNode value(JsonParser p, JsonToken t, Loc here) throws IOException {
      count++;
      if (t == JsonToken.VALUE_STRING && p instanceof YAMLParser y && y.isCurrentAlias()) {
        return alias(p.getText(), here);
      }
      switch (t) {
        case START_OBJECT: {
          LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
          List<YMap.Entry> merges = new ArrayList<>();
          while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            String key = p.currentName();
            Loc keyLoc = loc(p.currentTokenLocation());
            refuseTag(p, keyLoc);
            YNode value = node(p, p.nextToken());
            if (key.equals(MERGE)) {
              merges.add(new YMap.Entry(key, keyLoc, value));
              // where the merged keys go: no key read from a file holds a NUL
              entries.put("\0" + merges.size(), null);
              continue;
            }
            YMap.Entry previous = entries.get(key);
            if (previous != null) {
              dups.add(new Problem(name, keyLoc.line(), keyLoc.column(),
                  "key '" + key + "' is repeated (first at line " + previous.keyLoc().line()
                      + "); keep one."));
            }
            entries.put(key, new YMap.Entry(key, keyLoc, value));
          }
          return YMap.owning(here, merges.isEmpty() ? entries : merge(entries, merges));
        }
        case START_ARRAY: {
          List<YNode> items = new ArrayList<>();
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(node(p, t));
          }
          YList list = new YList(here, items);
          if (here.line() == watchLine && here.column() == watchColumn && watched == null) {
            watched = list;
            JsonLocation end = p.currentTokenLocation();
            watchedEndLine = end.getLineNr();
            watchedEndColumn = end.getColumnNr();
          }
          return list;
        }
        case VALUE_STRING:
          return new YScalar(here, p.getText(), YScalar.Type.STRING);
        case VALUE_NUMBER_INT:
          return new YScalar(here, p.getText(), YScalar.Type.INT);
        case VALUE_NUMBER_FLOAT:
          return new YScalar(here, p.getText(), YScalar.Type.FLOAT);
        case VALUE_TRUE:
        case VALUE_FALSE:
          return new YScalar(here, p.getText(), YScalar.Type.BOOL);
        case VALUE_NULL:
          return new YScalar(here, "", YScalar.Type.NULL);
        case VALUE_EMBEDDED_OBJECT:
          return new YScalar(here, String.valueOf(p.getEmbeddedObject()), YScalar.Type.STRING);
        default:
          throw new InvalidInputException(here + ": unexpected YAML token " + t + ".");
      }
    }
  }

  /** The tags of plain YAML data, as the parser expands them ({@code !!str} and so on). */
  private static final java.util.Set<String> PLAIN_TAGS = java.util.Set.of("",
      "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
      "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
      "tag:yaml.org,2002:seq");

  /**
   * Refuses a value or key with a tag other than those of plain data: andon gives tags no
   * meaning, and one such as {@code !!javax.script.ScriptEngineManager} is meant for a loader
   * that builds objects from it.
   */
  private static void refuseTag(JsonParser p, Loc at) throws IOException {
    String tag = p.getTypeId() instanceof String s ? s : null;
    if (tag != null && !PLAIN_TAGS.contains(tag)) {
      String written = tag.startsWith("tag:yaml.org,2002:")
          ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : "!" + tag;
      throw new InvalidInputException(at + ": the YAML tag '" + written + "' is not allowed;"
          + " andon reads plain data (text, numbers, booleans, null, lists and mappings) and"
          + " gives tags no meaning. Remove the tag.");
    }
  }

  /**
   * The entries of a mapping with merge keys ({@code <<: *base} or {@code <<: [*a, *b]}), as YAML
   * 1.1 defines them: the keys of the merged mappings, at the place of the merge key, except those
   * the mapping sets itself; of several merged mappings, the first that has a key gives it.
   */
  private static LinkedHashMap<String, YMap.Entry> merge(LinkedHashMap<String, YMap.Entry> own,
      List<YMap.Entry> merges) {
    LinkedHashMap<String, YMap.Entry> out = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, YMap.Entry> e : own.entrySet()) {
      if (e.getValue() != null) {
        out.putIfAbsent(e.getKey(), e.getValue());
        continue;
      }
      YMap.Entry m = merges.get(i++);
      List<YNode> sources = m.value() instanceof YList l ? l.items() : List.of(m.value());
      for (YNode source : sources) {
        if (!(source instanceof YMap sm)) {
          throw new InvalidInputException(source.loc() + ": a merge key (<<) takes a mapping or"
              + " a list of mappings, such as <<: *defaults, not " + source.kind() + ".");
        }
        for (YMap.Entry x : sm.values()) {
          if (!own.containsKey(x.key())) {
            out.putIfAbsent(x.key(), x);
          }
        }
      }
    }
    return out;
  }

  /**
   * Jackson's YAML factory, with parsers that type a plain scalar starting with a letter without
   * SnakeYAML's regular expressions when it cannot be anything but a string. Only the boolean
   * and null resolvers are keyed by letters, so a word other than their 21 spellings is a string,
   * as the resolver would have said; the rest goes through Jackson as before. On a 10,000-task
   * job those expressions were a tenth of the parse.
   */
  static final class WordFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;
    private static final java.util.Set<String> NOT_WORDS = java.util.Set.of(
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL");

    WordFactory(com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder b) {
      super(b);
    }

    /** A string whatever the resolver: starts with an ASCII letter, is no boolean or null. */
    static boolean isWord(String v) {
      if (v.isEmpty()) {
        return false;
      }
      char c = v.charAt(0);
      return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') && !NOT_WORDS.contains(v);
    }

    /** A parser over {@code text} read in place (see {@link TextReader}). */
    @Override
    public com.fasterxml.jackson.dataformat.yaml.YAMLParser createParser(String text) {
      com.fasterxml.jackson.core.io.IOContext ctxt =
          _createContext(_createContentReference(text), true);
      return new WordParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions,
          _objectCodec, text);
    }

    @Override
    protected com.fasterxml.jackson.dataformat.yaml.YAMLParser _createParser(java.io.Reader r,
        com.fasterxml.jackson.core.io.IOContext ctxt) {
      return new WordParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions,
          _objectCodec, r);
    }

    @Override
    protected com.fasterxml.jackson.dataformat.yaml.YAMLParser _createParser(char[] data,
        int offset, int len, com.fasterxml.jackson.core.io.IOContext ctxt, boolean recyclable) {
      return new WordParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions,
          _objectCodec, new java.io.CharArrayReader(data, offset, len));
    }
  }

  private static final class WordParser extends com.fasterxml.jackson.dataformat.yaml.YAMLParser {
    WordParser(com.fasterxml.jackson.core.io.IOContext ctxt, int parserFeatures,
        int formatFeatures, LoaderOptions loaderOptions,
        com.fasterxml.jackson.core.ObjectCodec codec, java.io.Reader reader) {
      super(ctxt, parserFeatures, formatFeatures, loaderOptions, codec, reader);
    }

    WordParser(com.fasterxml.jackson.core.io.IOContext ctxt, int parserFeatures,
        int formatFeatures, LoaderOptions loaderOptions,
        com.fasterxml.jackson.core.ObjectCodec codec, String text) {
      super(ctxt, parserFeatures, formatFeatures, codec, java.io.Reader.nullReader(),
          new org.yaml.snakeyaml.parser.ParserImpl(new TextReader(text), loaderOptions));
    }

    /** The anchor of the scalar read last ({@code &name}), which Jackson does not keep. */
    String scalarAnchor;

    @Override
    protected JsonToken _decodeScalar(org.yaml.snakeyaml.events.ScalarEvent scalar)
        throws IOException {
      scalarAnchor = scalar.getAnchor();
      String tag = scalar.getTag();
      String value = scalar.getValue();
      if ((tag == null || tag.equals("!")) && value.isEmpty() && scalar.isPlain()) {
        // a key with no value (targets:) is null in YAML; this factory's features read it as ""
        _textValue = value;
        _cleanedTextValue = null;
        return JsonToken.VALUE_NULL;
      }
      if ((tag == null || tag.equals("!")) && WordFactory.isWord(value)) {
        _textValue = value;
        _cleanedTextValue = null;
        return JsonToken.VALUE_STRING;
      }
      return super._decodeScalar(scalar);
    }
  }

  /** The factory, for callers that stream YAML themselves. */
  public static JsonFactory factory() {
    return YAML;
  }
}
