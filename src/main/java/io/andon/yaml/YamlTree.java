package io.andon.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.andon.error.InvalidInputException;
import io.andon.error.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link YNode} tree from a parser's tokens: positions, aliases (counted against {@link
 * #MAX_NODES}), merge keys, repeated keys (collected as problems) and tags (refused).
 */
final class YamlTree {
  /** The merge key of YAML 1.1, which the Databricks CLI honours. */
  private static final String MERGE = "<<";

  /** Most values a file may hold once its aliases are expanded. */
  static final int MAX_NODES = 10_000_000;

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

  private final Map<YNode, Integer> sizes = new IdentityHashMap<>();

  /** Values read so far, each alias counted as the values it stands for. */
  private int count;

  YamlTree(String name, int watchLine, int watchColumn) {
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
    Object anchor =
        !t.isScalarValue()
            ? p.getObjectId()
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
   * An alias ({@code *name}) stands for the node its anchor ({@code &name}) marked earlier in the
   * file; the tree shares that node. Each use counts as many nodes as the anchored one holds, and a
   * file that grows past {@link #MAX_NODES} that way is refused: a few nested aliases can otherwise
   * stand for billions of values.
   */
  private YNode alias(String name, Loc here) {
    YNode n = anchors.get(name);
    if (n == null) {
      throw new InvalidInputException(
          here
              + ": alias *"
              + name
              + " names no anchor; define"
              + " &"
              + name
              + " on a value above it.");
    }
    count += sizes.getOrDefault(n, 1);
    if (count > MAX_NODES) {
      throw new InvalidInputException(
          here
              + ": the aliases of this file expand to more than "
              + MAX_NODES
              + " values; use fewer nested aliases.");
    }
    return n;
  }

  private YNode value(JsonParser p, JsonToken t, Loc here) throws IOException {
    count++;
    if (t == JsonToken.VALUE_STRING && p instanceof YAMLParser y && y.isCurrentAlias()) {
      return alias(p.getText(), here);
    }
    switch (t) {
      case START_OBJECT:
        {
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
              dups.add(
                  new Problem(
                      name,
                      keyLoc.line(),
                      keyLoc.column(),
                      "key '"
                          + key
                          + "' is repeated (first at line "
                          + previous.keyLoc().line()
                          + "); keep one."));
            }
            entries.put(key, new YMap.Entry(key, keyLoc, value));
          }
          return YMap.owning(here, merges.isEmpty() ? entries : merge(entries, merges));
        }
      case START_ARRAY:
        {
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

  /** The tags of plain YAML data, as the parser expands them ({@code !!str} and so on). */
  private static final Set<String> PLAIN_TAGS =
      Set.of(
          "",
          "tag:yaml.org,2002:str",
          "tag:yaml.org,2002:int",
          "tag:yaml.org,2002:float",
          "tag:yaml.org,2002:bool",
          "tag:yaml.org,2002:null",
          "tag:yaml.org,2002:map",
          "tag:yaml.org,2002:seq");

  /**
   * Refuses a value or key with a tag other than those of plain data: andon gives tags no meaning,
   * and one such as {@code !!javax.script.ScriptEngineManager} is meant for a loader that builds
   * objects from it.
   */
  private static void refuseTag(JsonParser p, Loc at) throws IOException {
    String tag = p.getTypeId() instanceof String s ? s : null;
    if (tag != null && !PLAIN_TAGS.contains(tag)) {
      String written =
          tag.startsWith("tag:yaml.org,2002:")
              ? "!!" + tag.substring("tag:yaml.org,2002:".length())
              : "!" + tag;
      throw new InvalidInputException(
          at
              + ": the YAML tag '"
              + written
              + "' is not allowed;"
              + " andon reads plain data (text, numbers, booleans, null, lists and mappings) and"
              + " gives tags no meaning. Remove the tag.");
    }
  }

  /**
   * The entries of a mapping with merge keys ({@code <<: *base} or {@code <<: [*a, *b]}), as YAML
   * 1.1 defines them: the keys of the merged mappings, at the place of the merge key, except those
   * the mapping sets itself; of several merged mappings, the first that has a key gives it.
   */
  private static LinkedHashMap<String, YMap.Entry> merge(
      LinkedHashMap<String, YMap.Entry> own, List<YMap.Entry> merges) {
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
          throw new InvalidInputException(
              source.loc()
                  + ": a merge key (<<) takes a mapping or"
                  + " a list of mappings, such as <<: *defaults, not "
                  + source.kind()
                  + ".");
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
}
