package io.kairos.models;

import java.util.List;

/**
 * Settings of one training run.
 *
 * @param hidden units of each hidden layer (ReLU); empty for logistic regression
 * @param maxEpochs upper bound on passes over the training split
 * @param patience epochs without validation-loss improvement before stopping early
 * @param positiveWeight weight of positive rows in the loss (class imbalance); 1 is unweighted
 * @param validationShare stratified share of rows held out for early stopping, calibration and metrics
 * @param ensemble number of networks trained from different seeds whose logits are averaged
 */
public record Hyperparameters(List<Integer> hidden, int maxEpochs, int patience, int batchSize, float learningRate,
    float weightDecay, float positiveWeight, double validationShare, long seed, int ensemble) {

  public Hyperparameters {
    hidden = List.copyOf(hidden);
    if (hidden.stream().anyMatch(h -> h < 1)) {
      throw new IllegalArgumentException("hidden layers must be positive, got " + hidden);
    }
    if (maxEpochs < 1 || patience < 1 || batchSize < 1 || learningRate <= 0) {
      throw new IllegalArgumentException("epochs, patience, batch size and learning rate must be positive");
    }
    if (ensemble < 1 || ensemble > 32) {
      throw new IllegalArgumentException("ensemble must be 1..32 networks, got " + ensemble);
    }
    if (weightDecay < 0 || positiveWeight <= 0) {
      throw new IllegalArgumentException("weight decay must be >= 0 and positive weight > 0");
    }
    if (validationShare <= 0 || validationShare >= 0.5) {
      throw new IllegalArgumentException("validationShare must be in (0, 0.5), got " + validationShare);
    }
  }

  public Hyperparameters withHidden(List<Integer> value) {
    return new Hyperparameters(value, maxEpochs, patience, batchSize, learningRate, weightDecay, positiveWeight, validationShare, seed, ensemble);
  }
}
