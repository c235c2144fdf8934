package io.andon.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {
  @TempDir Path tmp;

  @Test
  void aParseReadAheadGivesTheSameTreeAsAParseNow() throws Exception {
    Path f = Files.writeString(tmp.resolve("job.yml"), "name: a\ntasks:\n  - task_key: t\n");
    YamlReader.readAhead(f);
    YNode ahead = YamlReader.parse(f.toString(), YamlReader.readText(f));
    YNode now = YamlReader.parse(f.toString(), YamlReader.readText(f));
    assertThat(ahead).isInstanceOf(YMap.class);
    assertThat(((YMap) ahead).get("name").map(n -> ((YScalar) n).text())).contains("a");
    assertThat(((YMap) ahead).get("tasks").get().loc())
        .isEqualTo(((YMap) now).get("tasks").get().loc());
  }

  @Test
  void aFileThatChangedAfterTheReadAheadIsParsedAgain() throws Exception {
    Path f = Files.writeString(tmp.resolve("job.yml"), "name: before\n");
    YamlReader.readAhead(f);
    YNode n = YamlReader.parse(f.toString(), "name: after\n");
    assertThat(((YMap) n).get("name").map(x -> ((YScalar) x).text())).contains("after");
  }

  @Test
  void aReadAheadOfMalformedYamlReportsTheSameProblem() throws Exception {
    Path f = Files.writeString(tmp.resolve("bad.yml"), "name: [unclosed\n");
    String text = YamlReader.readText(f);
    String direct = messageOf(() -> YamlReader.parse(f.toString(), text));
    YamlReader.readAhead(f);
    assertThatThrownBy(() -> YamlReader.parse(f.toString(), text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(direct);
  }

  @Test
  void aReadAheadOfAMissingFileLeavesTheErrorToTheRealRead() {
    Path f = tmp.resolve("missing.yml");
    YamlReader.readAhead(f);
    assertThatThrownBy(() -> YamlReader.read(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void aFileOfTheLargestSizeAcceptedHoldingOneWordLoadsInSeconds() throws Exception {
    String head = "name: big\ndescription: ";
    int word = (int) YamlReader.MAX_BYTES - head.length() - 1;
    Path f = tmp.resolve("big.yml");
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      out.write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (int left = word; left > 0; left -= chunk.length) {
        out.write(chunk, 0, Math.min(left, chunk.length));
      }
      out.write('\n');
    }
    assertThat(Files.size(f)).isEqualTo(YamlReader.MAX_BYTES);
    YNode n =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60), () -> YamlReader.read(f));
    String description = ((YMap) n).get("description").map(x -> ((YScalar) x).text()).get();
    assertThat(description).hasSize(word);
  }

  @Test
  void positionsCountCharactersBeyondTheBasicPlaneAsOne() {
    YMap m =
        (YMap)
            YamlReader.parse("e.yml", "a: \uD83D\uDE00\uD83D\uDE00 b\nc: [x, \uD83D\uDE00, y]\n");
    assertThat(((YScalar) m.get("a").get()).text()).isEqualTo("\uD83D\uDE00\uD83D\uDE00 b");
    YList c = (YList) m.get("c").get();
    assertThat(c.items().get(2).loc()).isEqualTo(new Loc("e.yml", 2, 11));
  }

  @Test
  void aControlCharacterIsStillRefused() {
    assertThatThrownBy(() -> YamlReader.parse("c.yml", "a: \"x\u0007y\"\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("special characters are not allowed");
  }

  @Test
  void aTagNamingAJavaClassIsRefusedWithItsPosition() {
    String yaml =
        "name: a\ndescription: !!javax.script.ScriptEngineManager"
            + " [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n";
    assertThatThrownBy(() -> YamlReader.parse("tag.yml", yaml))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(
            "tag.yml:2:14: the YAML tag '!!javax.script.ScriptEngineManager'" + " is not allowed")
        .hasMessageContaining("Remove the tag");
  }

  @Test
  void localTagsOnValuesAndKeysAreRefused() {
    assertThatThrownBy(() -> YamlReader.parse("t.yml", "a:\n  b: !shell 'echo hi'\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("t.yml:2:6: the YAML tag '!shell' is not allowed");
    assertThatThrownBy(() -> YamlReader.parse("t.yml", "a: 1\n!k b: 2\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("t.yml:2:1: the YAML tag '!k' is not allowed");
    assertThatThrownBy(() -> YamlReader.parse("t.yml", "a: !!binary aGVsbG8=\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'!!binary'");
  }

  @Test
  void theTagsOfPlainDataAreAccepted() {
    YMap m =
        (YMap)
            YamlReader.parse(
                "t.yml",
                "a: !!str 1\nb: !!int 2\nc: !!map {d: !!seq [! x, !!bool true, !!null null]}\n");
    assertThat(((YScalar) m.get("a").get()).text()).isEqualTo("1");
    assertThat(((YScalar) m.get("a").get()).type()).isEqualTo(YScalar.Type.STRING);
    assertThat(((YScalar) m.get("b").get()).type()).isEqualTo(YScalar.Type.INT);
  }

  @Test
  void nestingDeeperThanTheLimitIsReportedAtItsLineWithoutParserInternals() {
    String yaml =
        "name: deep\ntasks: []\ndescription: " + "[".repeat(1200) + "]".repeat(1200) + "\n";
    assertThatThrownBy(() -> YamlReader.parse("deep.yml", yaml))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("deep.yml:3:")
        .hasMessageContaining("nested more than 1000 levels deep")
        .hasMessageNotContaining("StreamReadConstraints");
    String ok = "a: " + "[".repeat(999) + "]".repeat(999) + "\n";
    assertThat(YamlReader.parse("ok.yml", ok)).isInstanceOf(YMap.class);
  }

  /** The message of the InvalidInputException {@code r} throws. */
  static String messageOf(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error");
  }
}
