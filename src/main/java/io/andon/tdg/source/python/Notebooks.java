package io.andon.tdg.source.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits notebooks into cells: Jupyter ({@code .ipynb}, nbformat 4: {@code cells[]} with {@code
 * cell_type} and {@code source}) and Databricks source notebooks (a {@code .py} file whose first
 * line is {@code # Databricks notebook source}, cells separated by {@code # COMMAND ----------},
 * magic cells written as {@code # MAGIC} lines).
 *
 * <p>IPython line magics ({@code %pip ...}) and shell escapes ({@code !ls}) are blanked so the cell
 * parses as Python with its line numbers kept; cells of another language ({@code %%sql}, {@code #
 * MAGIC %sql}) are not Python and are not graded.
 */
final class Notebooks {
  static final String DATABRICKS_HEADER = "# Databricks notebook source";
  private static final String DATABRICKS_SEPARATOR = "# COMMAND ----------";

  /** What a cell holds. */
  enum Kind {
    CODE,
    MARKDOWN,
    OTHER
  }

  /**
   * One cell.
   *
   * @param number 1-based position among the notebook's cells
   * @param text its Python source (magics blanked) for CODE cells, else its text
   */
  record Cell(int number, Kind kind, String text) {}

  /** The outcome of reading a notebook: its cells, or why it cannot be read. */
  sealed interface Read permits Cells, Invalid {}

  /** The notebook's cells. */
  record Cells(List<Cell> cells) implements Read {}

  /** Not a notebook andon can read, and why. */
  record Invalid(String reason) implements Read {}

  private Notebooks() {}

  static boolean isDatabricks(String text) {
    return text.startsWith(DATABRICKS_HEADER);
  }

  /** The cells of a Jupyter notebook. */
  static Read jupyter(String text) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return new Invalid(
          "not a valid notebook: the JSON does not parse"
              + where
              + " ("
              + e.getOriginalMessage()
              + ")");
    }
    JsonNode cells = root == null ? null : root.get("cells");
    if (cells == null || !cells.isArray()) {
      return new Invalid("not a valid notebook: no \"cells\" array (nbformat 4 is read)");
    }
    List<Cell> out = new ArrayList<>();
    int n = 0;
    for (JsonNode cell : cells) {
      n++;
      String type = cell.path("cell_type").asText("");
      JsonNode src = cell.path("source");
      StringBuilder sb = new StringBuilder();
      if (src.isArray()) {
        src.forEach(l -> sb.append(l.asText()));
      } else {
        sb.append(src.asText(""));
      }
      String body = sb.toString();
      if (type.equals("markdown")) {
        out.add(new Cell(n, Kind.MARKDOWN, body));
      } else if (type.equals("code") && !body.stripLeading().startsWith("%%")) {
        out.add(new Cell(n, Kind.CODE, blankMagics(body)));
      } else {
        out.add(new Cell(n, Kind.OTHER, body));
      }
    }
    return new Cells(out);
  }

  /** The cells of a Databricks source notebook; a cell's line 1 follows its separator. */
  static Cells databricks(String text) {
    List<Cell> out = new ArrayList<>();
    List<String> lines = text.lines().toList();
    List<String> current = new ArrayList<>();
    int n = 0;
    for (int i = 1; i <= lines.size(); i++) {
      if (i == lines.size() || lines.get(i).strip().equals(DATABRICKS_SEPARATOR)) {
        out.add(databricksCell(++n, current));
        current = new ArrayList<>();
      } else {
        current.add(lines.get(i));
      }
    }
    return new Cells(out);
  }

  private static Cell databricksCell(int number, List<String> lines) {
    List<String> magic = lines.stream().filter(l -> !l.isBlank()).toList();
    if (!magic.isEmpty() && magic.stream().allMatch(l -> l.startsWith("# MAGIC"))) {
      String first = magic.get(0).substring("# MAGIC".length()).strip();
      return new Cell(
          number, first.startsWith("%md") ? Kind.MARKDOWN : Kind.OTHER, String.join("\n", lines));
    }
    return new Cell(number, Kind.CODE, blankMagics(String.join("\n", lines) + "\n"));
  }

  private static String blankMagics(String code) {
    StringBuilder sb = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      String s = line.stripLeading();
      if (!s.startsWith("%") && !s.startsWith("!")) {
        sb.append(line);
      }
      sb.append('\n');
    }
    sb.setLength(Math.max(0, sb.length() - 1));
    return sb.toString();
  }
}
