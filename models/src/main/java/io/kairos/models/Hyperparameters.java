package io.kairos.models;

import java.util.List;

/**
 * Settings of one training run.
 *
 * @param hidden units of each hidden layer (ReLU)
 * @param maxEpochs upper bound on passes over the training split
 * @param patience epochs without validation-logloss improvement before stopping early
 * @param validationShare stratified share of rows held out for early stopping and metrics
 */
public record Hyperparameters(List<Integer> hidden, int maxEpochs, int patience, int batchSize, float learningRate,
    float weightDecay, double validationShare, long seed) {

  public Hyperparameters {
    hidden = List.copyOf(hidden);
    if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
      throw new IllegalArgumentException("hidden layers must be positive, got " + hidden);
    }
    if (maxEpochs < 1 || patience < 1 || batchSize < 1 || learningRate <= 0) {
      throw new IllegalArgumentException("epochs, patience, batch size and learning rate must be positive");
    }
    if (validationShare <= 0 || validationShare >= 0.5) {
      throw new IllegalArgumentException("validationShare must be in (0, 0.5), got " + validationShare);
    }
  }

  public static Hyperparameters defaults() {
    return new Hyperparameters(List.of(32, 16), 60, 6, 64, 1e-3f, 1e-4f, 0.2, 42L);
  }
}
