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

  /** {@code andon_numeric}: a column's {@link NumericState}. */
  static final class Numeric extends Aggregator<Double, NumericState, byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public NumericState zero() {
      return new NumericState();
    }

    @Override
    public NumericState reduce(NumericState s, Double v) {
      s.add(v);
      return s;
    }

    @Override
    public NumericState merge(NumericState a, NumericState b) {
      return a.merge(b);
    }

    @Override
    public byte[] finish(NumericState s) {
      return Bytes.of(s);
    }

    @Override
    public Encoder<NumericState> bufferEncoder() {
      return Encoders.javaSerialization(NumericState.class);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
      return Encoders.BINARY();
    }
  }

  /** {@code andon_categorical}: a column's {@link CategoricalState}. */
  static final class Categorical extends Aggregator<String, CategoricalState, byte[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public CategoricalState zero() {
      return new CategoricalState();
    }

    @Override
    public CategoricalState reduce(CategoricalState s, String v) {
      s.add(v);
      return s;
    }

    @Override
    public CategoricalState merge(CategoricalState a, CategoricalState b) {
      return a.merge(b);
    }

    @Override
    public byte[] finish(CategoricalState s) {
      return Bytes.of(s);
    }

    @Override
    public Encoder<CategoricalState> bufferEncoder() {
      return Encoders.javaSerialization(CategoricalState.class);
    }

    @Override
    public Encoder<byte[]> outputEncoder() {
      return Encoders.BINARY();
    }
  }
}
