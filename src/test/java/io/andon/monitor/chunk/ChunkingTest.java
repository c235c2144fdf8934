package io.andon.monitor.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkingTest {
  private static List<Integer> sizes(Chunking c, int rows) {
    return c.split(rows, "the table").stream().map(Chunk::rows).toList();
  }

  @Test
  void chunksBySizeKeepTheIncompleteLastChunkByDefault() {
    assertThat(sizes(Chunking.bySize(3), 10)).containsExactly(3, 3, 3, 1);
    assertThat(Chunking.bySize(3).split(10, "t").get(3)).isEqualTo(new Chunk(3, 9, 10));
  }

  @Test
  void chunksBySizeCanDropOrAppendTheIncompleteLastChunk() {
    assertThat(sizes(new Chunking(Chunking.By.SIZE, 3, Chunking.Incomplete.DROP), 10))
        .containsExactly(3, 3, 3);
    assertThat(sizes(new Chunking(Chunking.By.SIZE, 3, Chunking.Incomplete.APPEND), 10))
        .containsExactly(3, 3, 4);
    assertThat(sizes(new Chunking(Chunking.By.SIZE, 20, Chunking.Incomplete.APPEND), 10))
        .containsExactly(10);
  }

  @Test
  void chunksByCountMakeExactlyThatManyChunksWithTheRemainderInTheLast() {
    assertThat(sizes(Chunking.byCount(3), 10)).containsExactly(3, 3, 4);
    assertThat(sizes(Chunking.byCount(4), 8)).containsExactly(2, 2, 2, 2);
    assertThat(sizes(new Chunking(Chunking.By.COUNT, 3, Chunking.Incomplete.KEEP), 10))
        .containsExactly(3, 3, 3, 1);
  }

  @Test
  void tooFewRowsForTheChunksIsInvalidInputNamingTheTable() {
    assertThatThrownBy(() -> Chunking.byCount(5).split(3, "baseline base.csv"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("baseline base.csv has 3 rows")
        .hasMessageContaining("count 5");
    assertThatThrownBy(() -> Chunking.bySize(5).split(0, "the table"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aThresholdFromReferenceChunksIsTheMeanPlusOrMinusKPopulationStandardDeviations() {
    StdThreshold t = StdThreshold.of(new double[] {1, 2, 3, 4}, 2, 0, 10);
    double std = Math.sqrt(1.25);
    assertThat(t.lower())
        .isCloseTo(Math.max(0, 2.5 - 2 * std), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(t.upper()).isCloseTo(2.5 + 2 * std, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(StdThreshold.of(new double[] {0.9, 1.0}, 3, 0, 1).upper()).isEqualTo(1.0);
    assertThat(t.alerts(5)).isTrue();
    assertThat(t.alerts(2.5)).isFalse();
  }

  @Test
  void theDesignImputesNullsWithTheReferenceMeanAndOneHotEncodesReferenceCategories() {
    Frame ref =
        new Frame(
            3,
            java.util.Map.of("x", new double[] {1, 3, Double.NaN}),
            java.util.Map.of("c", new String[] {"a", "b", ""}));
    Design d = new Design(ref, List.of("x"), List.of("c"));
    assertThat(d.width()).isEqualTo(4); // x, "", a, b
    Frame cur =
        new Frame(
            1,
            java.util.Map.of("x", new double[] {Double.NaN}),
            java.util.Map.of("c", new String[] {"z"}));
    double[] row = d.matrix(cur)[0];
    // x: the null becomes the reference mean 2, which standardizes to 0; the unknown category "z"
    // is all zeros, which standardize to -mean/std = -(1/3)/sqrt(2/9)
    assertThat(row[0]).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(row[2])
        .isCloseTo(-(1 / 3.0) / Math.sqrt(2 / 9.0), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void rocAucCountsTiesAsHalfAndTheTrapezoidFollowsTheCurve() {
    assertThat(
            Auc.rocAuc(
                new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
        .isEqualTo(0.75);
    assertThat(Auc.rocAuc(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
    assertThat(Auc.trapezoid(new double[] {1, 0.5, 0}, new double[] {1, 1, 0})).isEqualTo(0.75);
  }
}
