package io.kairos.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * Binary cross-entropy on logits with positives weighted by {@code positiveWeight}, the
 * class-imbalance lever: w·y·softplus(−z) + (1−y)·softplus(z). With a weight other than 1 the raw
 * outputs are no longer probabilities, which is why training is followed by {@link PlattCalibration}.
 */
final class WeightedLogitLoss extends Loss {

  private final float positiveWeight;

  WeightedLogitLoss(float positiveWeight) {
    super("WeightedLogitLoss");
    this.positiveWeight = positiveWeight;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logit = predictions.singletonOrThrow();
    NDArray y = labels.singletonOrThrow().reshape(logit.getShape());
    NDArray positive = y.mul(positiveWeight).mul(Activation.softPlus(logit.neg()));
    NDArray negative = y.neg().add(1).mul(Activation.softPlus(logit));
    return positive.add(negative).mean();
  }
}
