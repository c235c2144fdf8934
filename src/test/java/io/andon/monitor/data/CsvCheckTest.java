package io.andon.monitor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files DuckDB's sniffer would misread, refused before it reads them, at their line. */
class CsvCheckTest {
  @TempDir Path dir;
  private final Duck duck = Duck.open();

  @AfterEach
  void close() {
    duck.close();
  }

  private Duck.Table load(String name, String text) throws IOException {
    Path p = Files.writeString(dir.resolve(name), text);
    return duck.load(DataSource.resolve(p.toString(), "--current"), "t", "--current");
  }

  @Test
  void aBinaryFileNamedCsvIsCalledNotText() throws IOException {
    byte[] bytes = new byte[5000];
    new SplittableRandom(1).nextBytes(bytes);
    bytes[40] = 0;
    Path p = Files.write(dir.resolve("image.csv"), bytes);
    assertThatThrownBy(
            () -> duck.load(DataSource.resolve(p.toString(), "--current"), "t", "--current"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("image.csv is not a text file (a zero byte at byte ")
        .hasMessageNotContaining("sniff");
  }

  @Test
  void aRowWithMoreFieldsThanTheHeaderIsReportedAtItsLine() {
    assertThatThrownBy(() -> load("ragged.csv", "id,x,cat\n1,0.5,a\n2,0.7,b,extra,more\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ragged.csv:3: this row has 5 fields where the header has 3")
        .hasMessageNotContaining("only in");
  }

  @Test
  void aRowWithFewerFieldsIsReportedAndTabsCountForTsvFiles() {
    assertThatThrownBy(() -> load("short.tsv", "id\tx\tcat\r\n1\t0.5\ta\r\n2\t0.7\r\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "short.tsv:3: this row has 2 fields where the header has 3" + " (separated by tabs)");
  }

  @Test
  void aQuotedValueNeverClosedIsReportedWhereItOpens() {
    assertThatThrownBy(() -> load("quote.csv", "id,x,cat\n1,0.5,a\n2,1.0,\"unclosed\n3,0.1,b\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("quote.csv:3: a quoted value opened on this line is never closed");
  }

  @Test
  void quotedSeparatorsQuotesAndLineBreaksAreWellFormed() throws IOException {
    Duck.Table t = load("fine.csv", "id;note\n1;\"a;b\"\n2;\"say \"\"hi\"\"\nthere\"\n\n3;x\n");
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.columns()).extracting(Duck.ColumnInfo::name).containsExactly("id", "note");
  }

  @Test
  void aGzippedCsvIsCheckedAfterDecompression() throws IOException {
    Path p = dir.resolve("data.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
      out.write("a,b\n1,2\n3\n".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(
            () -> duck.load(DataSource.resolve(p.toString(), "--baseline"), "t", "--baseline"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data.csv.gz:3: this row has 1 field where the header has 2");
  }
}
