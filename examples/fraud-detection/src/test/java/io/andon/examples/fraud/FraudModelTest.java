package io.andon.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudModelTest {
  @TempDir static Path dir;
  static FeatureTable train;
  static FeatureTable test;

  @BeforeAll
  static void data() throws Exception {
    TransactionGenerator.Settings s = TransactionGenerator.Settings.training(8_000, 11);
    Path csv = TransactionGenerator.write(s, dir.resolve("t.csv")).file();
    FeatureBuilder.Result r =
        FeatureBuilder.build(
            csv, Optional.empty(), FeatureBuilderTest.SQL, dir.resolve("features"), 5);
    train = FeatureTable.readParquet(r.train());
    test = FeatureTable.readParquet(r.test());
  }

  @Test
  void aModelTrainedOnCleanLabelsSeparatesFraudAndPassesTheBriefsGate() {
    Validation v = Validation.run(FraudModel.train(train, 0, 42), test, 0.5);
    assertThat(v.metrics().rocAuc()).isGreaterThan(0.95);
    assertThat(v.metrics().accuracy()).isGreaterThanOrEqualTo(0.95);
    assertThat(v.metrics().recall()).isGreaterThan(0.5);
    assertThat(v.errorRate()).isZero();
    assertThat(v.latencyP99Ms()).isLessThan(100);
    assertThat(v.rows()).isEqualTo(test.size());
  }

  @Test
  void flippingHalfTheLabelsBreaksTheModel() {
    Validation v = Validation.run(FraudModel.train(train, 0.5, 42), test, 0.5);
    assertThat(v.metrics().accuracy()).isLessThan(0.95);
  }

  @Test
  void flipLabelsFlipsExactlyTheRoundedShare() {
    int[] labels = new int[1000];
    int[] flipped = FraudModel.flipLabels(labels, 0.25, 1);
    assertThat(java.util.Arrays.stream(flipped).sum()).isEqualTo(250);
    assertThat(FraudModel.flipLabels(labels, 0, 1)).isEqualTo(labels);
    assertThat(FraudModel.flipLabels(labels, 1, 1)).containsOnly(1);
  }

  @Test
  void aSavedModelScoresTheSameAfterLoading() throws Exception {
    FraudModel m = FraudModel.train(train, 0, 42);
    Path file = dir.resolve("model/model.tribuo");
    m.save(file);
    FraudModel loaded = FraudModel.load(file);
    assertThat(loaded.featureNames()).isEqualTo(train.names());
    for (int i = 0; i < 50; i++) {
      assertThat(loaded.score(test.rows()[i])).isEqualTo(m.score(test.rows()[i]));
    }
  }

  @Test
  void badDegradeAndMissingModelSayWhatToDo() {
    assertThatThrownBy(() -> FraudModel.train(train, 1.5, 1))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("degrade must be a number in" + " [0, 1]");
    assertThatThrownBy(() -> FraudModel.load(dir.resolve("nothing.tribuo")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("run the train task first");
  }
}
