package io.andon.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class HalvesTest {
  /** Every value with its position, every key with its own: two parses agree when these do. */
  static String dump(YNode n) {
    StringBuilder b = new StringBuilder();
    dump(n, b);
    return b.toString();
  }

  private static void dump(YNode n, StringBuilder b) {
    b.append(n.loc().line()).append(':').append(n.loc().column()).append(' ');
    if (n instanceof YScalar s) {
      b.append(s.type()).append('=').append(s.text().replace("\n", "\\n")).append('\n');
    } else if (n instanceof YList l) {
      b.append("[\n");
      l.items().forEach(i -> dump(i, b));
      b.append("]\n");
    } else if (n instanceof YMap m) {
      b.append("{\n");
      for (YMap.Entry e : m.values()) {
        b.append(e.key())
            .append('@')
            .append(e.keyLoc().line())
            .append(':')
            .append(e.keyLoc().column())
            .append(" -> ");
        dump(e.value(), b);
      }
      b.append("}\n");
    }
  }

  /** {@code count} task items keyed prefix0, prefix1, ... */
  private static String items(String prefix, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) {
      b.append("  - task_key: ").append(prefix).append(i).append('\n');
    }
    return b.toString();
  }

  private static String job(int tasks, String tail) {
    StringBuilder b = new StringBuilder("name: big\ntasks:\n");
    for (int i = 0; i < tasks; i++) {
      b.append("  - task_key: t").append(i).append('\n');
      if (i > 0) {
        b.append("    depends_on: [{task_key: t").append(i - 1).append("}]\n");
      }
      b.append("    shell_task: {command: 'echo ").append(i).append("'}\n");
    }
    return b.append(tail).toString();
  }

  @Test
  void aLargeJobIsParsedInHalvesToTheSameTree() {
    for (String tail : List.of("", "parameters:\n  - {name: p, default: x}\n")) {
      String text = job(200, tail);
      YNode halves = Halves.parse("job.yml", text, 2);
      assertThat(halves).as("split taken").isNotNull();
      assertThat(dump(halves)).isEqualTo(dump(YamlReader.parseWhole("job.yml", text)));
    }
  }

  @Test
  void aFileAboveTheThresholdGoesThroughTheHalves() {
    String text = job(5000, "tags: {a: b}\n");
    assertThat(text.length()).isGreaterThan(Halves.MIN_CHARS);
    assertThat(Halves.parse("big.yml", text, Halves.MIN_ITEMS)).isNotNull();
    assertThat(dump(YamlReader.parse("big.yml", text)))
        .isEqualTo(dump(YamlReader.parseWhole("big.yml", text)));
  }

  @Test
  void theRunFoundIsTheTaskList() {
    Halves.Run run = Halves.find(job(10, "tags: {a: b}\n"));
    assertThat(run.indent()).isEqualTo(2);
    assertThat(run.itemLines()).hasSize(10);
    assertThat(run.itemLines()[0]).isEqualTo(3);
    assertThat(run.tail()).isTrue();
    assertThat(run.endLine()).isEqualTo(3 + 10 * 3 - 1);
    assertThat(run.endColumn()).isEqualTo(1);
  }

  @Test
  void aQuotedStringThatRunsOverItemLinesIsNotCutInside() {
    // SnakeYAML lets a quoted scalar continue at any indentation: the lines that look like
    // items are inside the string, and only the whole parse gets that right
    String text =
        "name: x\ntasks:\n"
            + items("a", 10)
            + "  - task_key: 'open\n"
            + items("b", 10)
            + "  - closed'\n"
            + items("c", 10)
            + "other: 'tail\n'\n";
    YNode halves = Halves.parse("q.yml", text, 2);
    if (halves != null) {
      assertThat(dump(halves)).isEqualTo(dump(YamlReader.parseWhole("q.yml", text)));
    }
    assertThat(dump(YamlReader.parse("q.yml", text)))
        .isEqualTo(dump(YamlReader.parseWhole("q.yml", text)));
  }

  @Test
  void aQuotedStringOpenedJustBeforeTheCutIsCaughtWhereTheSequenceEnds() {
    // the cut falls on the first line inside the string: the first half then parses with the
    // right number of items, but its string runs on into the rest of the file
    String text =
        "name: x\ntasks:\n"
            + items("a", 15)
            + "  - task_key: 'open\n"
            + items("b", 5)
            + "  - closed'\n"
            + items("c", 10)
            + "other: x'\nmore: y\n";
    assertThat(Halves.find(text).itemLines()).hasSize(32);
    assertThat(((YList) ((YMap) YamlReader.parseWhole("q.yml", text)).get("tasks").get()).items())
        .hasSize(26);
    assertThat(Halves.parse("q.yml", text, 2)).isNull();
  }

  @Test
  void aBracketOpenedJustBeforeTheCutAndClosedOnTheLastLineIsCaught() {
    // the whole file is malformed ("-" inside brackets); the halves alone would not be
    String text = "name: x\ntasks:\n" + items("a", 9) + "  - k: [1,\n" + items("b", 10) + "]";
    assertThat(Halves.find(text).itemLines()).hasSize(20);
    assertThatThrownBy(() -> YamlReader.parseWhole("f.yml", text))
        .isInstanceOf(InvalidInputException.class);
    assertThat(Halves.parse("f.yml", text, 2)).isNull();
  }

  @Test
  void itemLinesInsideABlockScalarAreNotASequence() {
    String text =
        "name: x\ndescription: |\n"
            + items("bullet", 40).replace("task_key: ", "")
            + "tasks:\n  - task_key: a\n";
    assertThat(Halves.parse("b.yml", text, 2)).isNull();
  }

  @Test
  void aBrokenSecondHalfGivesTheWholeFilesMessage() {
    String text = job(100, "").replace("task_key: t80\n", "task_key: [t80\n");
    assertThat(Halves.parse("bad.yml", text, 2)).isNull();
    String whole = YamlReaderTest.messageOf(() -> YamlReader.parseWhole("bad.yml", text));
    assertThatThrownBy(() -> YamlReader.parse("bad.yml", text + " ".repeat(Halves.MIN_CHARS)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(whole);
  }

  @Test
  void aKeyRepeatedInTheSecondHalfIsReportedAsFromTheWholeFile() {
    String text =
        job(100, "").replace("  - task_key: t90\n", "  - task_key: t90\n    task_key: z\n");
    String whole = YamlReaderTest.messageOf(() -> YamlReader.parseWhole("dup.yml", text));
    assertThat(whole).contains("repeats keys").contains("dup.yml:");
    assertThat(Halves.parse("dup.yml", text, 2)).isNull();
  }

  @Test
  void windowsLineEndsAreSplitAndOldMacOnesAreNot() {
    String crlf = job(50, "tags: {a: b}\n").replace("\n", "\r\n");
    YNode halves = Halves.parse("w.yml", crlf, 2);
    assertThat(halves).isNotNull();
    assertThat(dump(halves)).isEqualTo(dump(YamlReader.parseWhole("w.yml", crlf)));
    assertThat(Halves.find(job(50, "").replace("\n", "\r"))).isNull();
  }

  // ------------------------------------------------------------------ property

  @Property(tries = 300)
  void halvesNeverDifferFromTheWholeParse(@ForAll("documents") String text) {
    YNode whole;
    try {
      whole = YamlReader.parseWhole("p.yml", text);
    } catch (InvalidInputException e) {
      assertThat(Halves.parse("p.yml", text, 2)).isNull();
      return;
    }
    YNode halves = Halves.parse("p.yml", text, 2);
    Statistics.label("split").collect(halves != null);
    if (halves != null) {
      assertThat(dump(halves)).isEqualTo(dump(whole));
    }
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> item =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                20, Arbitraries.integers().between(0, 999).map(i -> "- task_key: t" + i + "\n")),
            net.jqwik.api.Tuple.of(
                10, Arbitraries.integers().between(0, 9).map(i -> "- {a: " + i + ", b: [x, y]}\n")),
            net.jqwik.api.Tuple.of(
                5, Arbitraries.just("- a: 1\n  b: 'q # not a comment'\n  c:\n    - 1\n    - 2\n")),
            net.jqwik.api.Tuple.of(
                5, Arbitraries.just("- run: |\n    - line\n    # kept\n\n    end\n")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("- s: \"two\n    lines\"\n")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("- [1,\n  2]\n")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("-\n  k: v\n")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("- plain\n  continued\n")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("# comment\n")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("\n")),
            net.jqwik.api.Tuple.of(5, Arbitraries.just("#- fake\n")),
            net.jqwik.api.Tuple.of(3, Arbitraries.just("- &anchor a\n- *anchor\n")),
            // quoted scalars and brackets that run over item lines, repeated keys, unclosed ones
            net.jqwik.api.Tuple.of(1, Arbitraries.just("- s: 'wraps\n- back'\n")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("- [1,\n- 2]\n")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("- k: v\n  k: w\n")),
            net.jqwik.api.Tuple.of(1, Arbitraries.just("- x: [unclosed\n")));
    Arbitrary<String> items = item.list().ofMinSize(2).ofMaxSize(40).map(l -> String.join("", l));
    Arbitrary<Integer> indent = Arbitraries.of(0, 2, 4);
    Arbitrary<String> tail =
        Arbitraries.of(
            "",
            "tags: {a: b}\n",
            "after: 'x\n y'\n",
            "# end\n",
            "---\nnext: doc\n",
            "  - stray\n",
            "...\n");
    Arbitrary<Boolean> nested = Arbitraries.of(false, true);
    return Combinators.combine(items, indent, tail, nested)
        .as(
            (body, ind, t, inBundle) -> {
              String pad = " ".repeat(ind);
              StringBuilder b = new StringBuilder("name: p\n");
              String key = inBundle ? "resources:\n  jobs:\n    j:\n      tasks:\n" : "tasks:\n";
              String basePad = inBundle ? "      " + pad : pad;
              b.append(key);
              for (String line : body.split("\n", -1)) {
                if (!line.isEmpty()) {
                  b.append(basePad).append(line);
                }
                b.append('\n');
              }
              return b.append(t).toString();
            });
  }
}
