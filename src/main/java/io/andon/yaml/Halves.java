package io.andon.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Parses a large YAML file in two halves on two threads, when its bulk is one block sequence (the
 * tasks of a 10,000-task job): the first half is the file with the second half of that sequence's
 * items blanked out (lines kept, so every position stays right), the second half is those items
 * alone, after as many empty lines.
 *
 * <p>The cut is found from the text, so it is trusted only once both parses confirm it: each half
 * parses without a problem, the sequence stands where the text said and holds one item for each
 * item line, each item starting within its own lines, and in the first half the sequence ends at
 * the first line after it (an unterminated quote or bracket would run on into the rest of the
 * file). Anything else, and the file is parsed whole, which also gives the messages.
 */
final class Halves {
  /** Files smaller than this are parsed whole: a split would not pay for its second thread. */
  static final int MIN_CHARS = 256 * 1024;

  /** Sequences with fewer items are not split. */
  static final int MIN_ITEMS = 64;

  private Halves() {}

  /** The outermost block sequence with the most items: where it starts and its item lines. */
  record Run(
      int indent,
      int[] itemLines,
      int[] itemOffsets,
      int endLine,
      int endColumn,
      int endOffset,
      boolean tail) {}

  /** The tree of {@code text} parsed in two halves, or null to parse it whole. */
  static YNode parse(String name, String text, int minItems) {
    Run run = find(text);
    if (run == null || run.itemLines().length < minItems) {
      return null;
    }
    int n = run.itemLines().length;
    int k = n / 2;
    int cut = run.itemOffsets()[k];
    int cutLine = run.itemLines()[k];
    int column = run.indent() + 1;
    String first =
        text.substring(0, cut)
            + "\n".repeat(run.endLine() - cutLine)
            + text.substring(run.endOffset());
    String second = "\n".repeat(cutLine - 1) + text.substring(cut, run.endOffset());
    CompletableFuture<YamlTree> later =
        io.andon.util.Background.start(
            "andon-parse-half", () -> YamlReader.parsePiece(name, second, cutLine, column));
    YamlTree a = YamlReader.parsePiece(name, first, run.itemLines()[0], column);
    YamlTree b = io.andon.util.Background.join(later);
    if (a == null
        || b == null
        || a.watched == null
        || b.watched == null
        || b.root != b.watched
        || !startsWithin(a.watched.items(), run.itemLines(), 0, k, cutLine)
        || !startsWithin(b.watched.items(), run.itemLines(), k, n, run.endLine())
        || run.tail()
            && (a.watchedEndLine != run.endLine() || a.watchedEndColumn != run.endColumn())) {
      return null;
    }
    List<YNode> all = new ArrayList<>(n);
    all.addAll(a.watched.items());
    all.addAll(b.watched.items());
    return replace(a.root, a.watched, new YList(a.watched.loc(), all));
  }

  /** Items {@code from..to} of the run are {@code items}, each starting on its own lines. */
  private static boolean startsWithin(List<YNode> items, int[] lines, int from, int to, int after) {
    if (items.size() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      int line = items.get(i - from).loc().line();
      int next = i + 1 < to ? lines[i + 1] : after;
      if (line < lines[i] || line >= next) {
        return false;
      }
    }
    return true;
  }

  /** {@code root} with {@code target} (found by identity) replaced. */
  private static YNode replace(YNode root, YList target, YList by) {
    if (root == target) {
      return by;
    }
    if (root instanceof YMap m) {
      for (YMap.Entry e : m.values()) {
        YNode v = replace(e.value(), target, by);
        if (v != e.value()) {
          LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>(m.entries());
          entries.put(e.key(), new YMap.Entry(e.key(), e.keyLoc(), v));
          return YMap.owning(m.loc(), entries);
        }
      }
    } else if (root instanceof YList l) {
      for (int i = 0; i < l.items().size(); i++) {
        YNode v = replace(l.items().get(i), target, by);
        if (v != l.items().get(i)) {
          List<YNode> items = new ArrayList<>(l.items());
          items.set(i, v);
          return new YList(l.loc(), items);
        }
      }
    }
    return root;
  }

  /**
   * Finds the outermost block sequence with the most items from the text alone: a line whose first
   * characters after its indent are "- " (or a lone "-") starts an item; the sequence goes on over
   * blank lines, comments and lines indented deeper, and ends at the first other line. Null when
   * the text has line breaks this line count would get wrong, or tabs in indents.
   */
  static Run find(String text) {
    if (hasOtherBreaks(text)) {
      return null;
    }
    int len = text.length();
    int line = 0;
    int runIndent = -1;
    int[] lines = new int[1024];
    int[] offsets = new int[1024];
    int count = 0;
    Run best = null;
    int pos = 0;
    while (pos < len) {
      line++;
      int eol = text.indexOf('\n', pos);
      int end = eol < 0 ? len : eol;
      int i = pos;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      int indent = i - pos;
      char c = i < end ? text.charAt(i) : '\n';
      boolean blank = i == end || c == '\r' && i + 1 == end || c == '#';
      if (c == '\t') {
        return null;
      }
      if (!blank) {
        boolean item =
            c == '-'
                && (i + 1 == end
                    || text.charAt(i + 1) == ' '
                    || text.charAt(i + 1) == '\r' && i + 2 == end);
        if (runIndent >= 0 && (indent < runIndent || indent == runIndent && !item)) {
          best = better(best, runIndent, lines, offsets, count, line, indent + 1, pos, true);
          runIndent = -1;
        }
        if (runIndent < 0 && item) {
          runIndent = indent;
          count = 0;
        }
        if (item && indent == runIndent) {
          if (count == lines.length) {
            lines = Arrays.copyOf(lines, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
          }
          lines[count] = line;
          offsets[count] = pos;
          count++;
        }
      }
      pos = eol < 0 ? len : eol + 1;
    }
    if (runIndent >= 0) {
      best = better(best, runIndent, lines, offsets, count, line + 1, 1, len, false);
    }
    return best;
  }

  private static Run better(
      Run best,
      int indent,
      int[] lines,
      int[] offsets,
      int count,
      int endLine,
      int endColumn,
      int endOffset,
      boolean tail) {
    if (best != null && best.itemLines().length >= count) {
      return best;
    }
    return new Run(
        indent,
        Arrays.copyOf(lines, count),
        Arrays.copyOf(offsets, count),
        endLine,
        endColumn,
        endOffset,
        tail);
  }

  /** Characters SnakeYAML takes for line breaks that {@link #find} does not count. */
  static boolean hasOtherBreaks(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0085'
          || c == '\u2028'
          || c == '\u2029'
          || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
        return true;
      }
    }
    return false;
  }
}
