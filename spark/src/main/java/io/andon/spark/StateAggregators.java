package io.andon.spark;

import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.functions;

/**
 * The Spark aggregate functions of the states, registered as {@code andon_numeric(x)} (x a double)
 * and {@code andon_categorical(x)} (x a string): each returns its group's state as bytes. Spark
 * keeps a state per group and partition and merges them across partitions.
 */
final class StateAggregators {
  static final String NUMERIC = "andon_numeric";
  static final String CATEGORICAL = "andon_categorical";

  private StateAggregators() {}

  static void register(SparkSession spark) {
    spark.udf().register(NUMERIC, functions.udaf(new Numeric(), Encoders.DOUBLE()));
    spark.udf().register(CATEGORICAL, functions.udaf(new Categorical(), Encoders.STRING()));
  }

  /** A state a column's values are added to and that merges with its own kind. */
  interface ColumnState<I, S extends ColumnState<I, S>> extends java.io.Serializable {
    /** Adds one value (null counts as null). */
    void add(I value);

    /** This state with {@code other}'s values added; may be this state itself. */
    S merge(S other);
  }

  /** The aggregate function of one kind of state: Spark's plumbing around {@link ColumnState}. */
  abstract static class StateAggregator<I, S extends ColumnState<I, S>>
      extends Aggregator<I, S, byte[]> {
    private static final long serialVersionUID = 1L;
    private final Class<S> type;

    StateAggregator(Class<S> type) {
      this.type = type;
    }

    @Override
    public S reduce(S s, I v) {
      s.add(v);
      return s;
    }

    @Override
    public S merge(S a, S b) {
      return a.merge(b);
    }

    @Override
    public byte[] finish(S s) {
      return Bytes.of(s);
    }

    @Override
    public Encoder<S> bufferEncoder() {
      return Encoders.javaSerialization(type);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
      return Encoders.BINARY();
    }
  }

  /** {@code andon_numeric}: a column's {@link NumericState}. */
  static final class Numeric extends StateAggregator<Double, NumericState> {
    private static final long serialVersionUID = 1L;

    Numeric() {
      super(NumericState.class);
    }

    @Override
    public NumericState zero() {
      return new NumericState();
    }
  }

  /** {@code andon_categorical}: a column's {@link CategoricalState}. */
  static final class Categorical extends StateAggregator<String, CategoricalState> {
    private static final long serialVersionUID = 1L;

    Categorical() {
      super(CategoricalState.class);
    }

    @Override
    public CategoricalState zero() {
      return new CategoricalState();
    }
  }
}
