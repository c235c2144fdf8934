package io.andon.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Job page's grid as compact JSON: a letter and a number per cell. */
class GridJsonTest {
  private static final StateMark OK = StateMark.of("TERMINATED", Optional.of("SUCCESS"));
  private static final StateMark FAILED = StateMark.of("TERMINATED", Optional.of("FAILED"));

  @Test
  void eachCellIsAMarkLetterAndADurationWithAttemptsOnlyWhenRetried() throws Exception {
    RunGrid.Grid grid =
        new RunGrid.Grid(
            List.of(
                new RunGrid.Run(7, FAILED, 1_000, Optional.of(2_000L)),
                new RunGrid.Run(9, OK, 3_000, Optional.empty())),
            List.of("fetch", "new</script><b>"),
            Map.of(
                7L, Map.of("fetch", new RunGrid.Cell(FAILED, 1500, 3)),
                9L,
                    Map.of(
                        "fetch", new RunGrid.Cell(OK, 20, 1),
                        "new</script><b>", new RunGrid.Cell(OK, 5, 1))));
    String json = GridJson.write(grid);
    assertThat(json).doesNotContain("<");
    JsonNode n = Json.read(json);
    assertThat(n.path("runs").toString()).isEqualTo("[7,9]");
    assertThat(n.path("marks").toString())
        .isEqualTo("[[\"failed\",\"✗\",\"Failed\"],[\"success\",\"✓\",\"Succeeded\"]]");
    assertThat(n.path("rows").get(0).toString()).isEqualTo("[\"fetch\",\"ab\",[1500,20],[[0,3]]]");
    assertThat(n.path("rows").get(1).toString()).isEqualTo("[\"new</script><b>\",\"-b\",[0,5],[]]");
  }
}
