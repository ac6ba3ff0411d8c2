package io.kairos.models;

import java.util.Map;

/**
 * Everything about a trained model except its weights, saved as {@code model.json} beside them.
 *
 * @param trainingData file name, row count and SHA-256 of the training input
 * @param calibration Platt scaling of the network's logit, fitted on validation rows
 * @param threshold decision threshold chosen on validation (max F1)
 * @param baseRate share of positives in the training split (the no-information propensity)
 */
public record ModelDescriptor(String name, String version, String createdAt, FeatureSpec spec, Preprocessor preprocessor,
    Hyperparameters hyperparameters, Map<String, Object> trainingData, PlattCalibration calibration, double threshold, double baseRate,
    BinaryMetrics validation) {

  public static final String FILE = "model.json";
  public static final String WEIGHTS_PREFIX = "propensity";
}
