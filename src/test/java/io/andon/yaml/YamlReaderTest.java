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
        .isInstanceOf(InvalidInputException.class).hasMessage(direct);
  }

  @Test
  void aReadAheadOfAMissingFileLeavesTheErrorToTheRealRead() {
    Path f = tmp.resolve("missing.yml");
    YamlReader.readAhead(f);
    assertThatThrownBy(() -> YamlReader.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
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
