package io.andon.examples.fraud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * The fraud classifier: Tribuo's logistic regression (SGD with AdaGrad, 5 epochs, Tribuo's fixed
 * seed) behind a per-feature standardiser (mean 0, standard deviation 1, learnt on the training
 * rows and applied to every row scored later). Saved in Tribuo's protobuf format.
 */
public final class FraudModel {
  /** The positive class. */
  public static final String FRAUD = "fraud";

  /** The negative class. */
  public static final String LEGIT = "legit";

  /** Tribuo logs every 1000 SGD iterations through java.util.logging; keep only warnings. */
  private static final java.util.logging.Logger TRIBUO_LOG = quietTribuo();

  private final Model<Label> model;
  private final String[] names;

  private static java.util.logging.Logger quietTribuo() {
    java.util.logging.Logger l = java.util.logging.Logger.getLogger("org.tribuo");
    l.setLevel(java.util.logging.Level.WARNING);
    return l;
  }

  private FraudModel(Model<Label> model, List<String> names) {
    this.model = model;
    this.names = names.toArray(new String[0]);
  }

  /**
   * Trains on {@code table}, first flipping the labels of {@code round(degrade * size)} rows chosen
   * at random with {@code seed} (degrade = 0 keeps every label; 0.5 makes the labels independent of
   * the features).
   */
  public static FraudModel train(FeatureTable table, double degrade, long seed) {
    Objects.requireNonNull(table, "table");
    if (!(degrade >= 0 && degrade <= 1)) {
      throw new BadInputException(
          "degrade must be a number in [0, 1], not "
              + degrade
              + " (the share of training labels to flip).");
    }
    if (table.size() == 0) {
      throw new BadInputException("the training table is empty.");
    }
    Objects.requireNonNull(TRIBUO_LOG, "TRIBUO_LOG");
    int[] labels = flipLabels(table.labels(), degrade, seed);
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data =
        new MutableDataset<>(
            new SimpleDataSourceProvenance(
                "fraud-detection training features",
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                factory),
            factory);
    String[] names = table.names().toArray(new String[0]);
    for (int i = 0; i < table.size(); i++) {
      data.add(
          new ArrayExample<>(new Label(labels[i] == 1 ? FRAUD : LEGIT), names, table.rows()[i]));
    }
    TransformTrainer<Label> trainer =
        new TransformTrainer<>(
            new LogisticRegressionTrainer(),
            new TransformationMap(List.of(new MeanStdDevTransformation())),
            true);
    return new FraudModel(trainer.train(data), table.names());
  }

  /** The labels with {@code round(degrade * n)} of them flipped, chosen with {@code seed}. */
  static int[] flipLabels(int[] labels, double degrade, long seed) {
    int[] out = labels.clone();
    int flips = (int) Math.round(degrade * labels.length);
    int[] order = new int[labels.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random rnd = new Random(seed);
    for (int i = 0; i < flips; i++) {
      int j = i + rnd.nextInt(order.length - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      out[order[i]] = 1 - out[order[i]];
    }
    return out;
  }

  /** The probability of fraud for one row of features, in the training feature order. */
  public double score(double[] features) {
    Prediction<Label> p =
        model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, features));
    Label fraud = p.getOutputScores().get(FRAUD);
    return fraud == null ? 0 : fraud.getScore();
  }

  /** The feature names the model expects, in order. */
  public List<String> featureNames() {
    return List.of(names);
  }

  /** Saves the model (Tribuo protobuf) with its feature names. */
  public void save(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Files.createDirectories(file.toAbsolutePath().getParent());
    model.serializeToFile(file);
    Files.write(namesFile(file), List.of(names));
  }

  /** Loads a model saved by {@link #save}. */
  @SuppressWarnings("unchecked")
  public static FraudModel load(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file) || !Files.isRegularFile(namesFile(file))) {
      throw new BadInputException(file + ": no saved model here; run the train task first.");
    }
    Model<?> m = Model.deserializeFromFile(file);
    if (!m.validate(Label.class)) {
      throw new BadInputException(file + ": this is not a classification model.");
    }
    return new FraudModel((Model<Label>) m, Files.readAllLines(namesFile(file)));
  }

  private static Path namesFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".features");
  }
}
