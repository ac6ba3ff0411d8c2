package io.kairos.models;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A way of fitting a propensity model on encoded rows: the MLP, the logistic-regression baseline
 * (an MLP without hidden layers) or gradient-boosted trees. {@code validation} is for early stopping
 * and calibration only; evaluation uses rows neither has seen.
 */
public interface Learner {

  String name();

  /** Fits on {@code train}; {@code workDir} may receive files (weights) that the scorer reads. */
  Scorer fit(EncodedRows train, EncodedRows validation, Path workDir) throws IOException;
}
