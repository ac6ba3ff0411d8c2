package io.kairos.models;

/** A fitted model that turns encoded rows into probabilities. Thread-safe. */
public interface Scorer extends AutoCloseable {

  double[] scores(EncodedRows rows);

  @Override
  void close();
}
