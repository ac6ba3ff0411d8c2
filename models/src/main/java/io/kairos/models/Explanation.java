package io.kairos.models;

import java.util.List;

/**
 * A score and the features that moved it most: each feature's contribution is the change in the
 * model's logit when that feature alone is replaced by its training baseline (median, most frequent
 * category, false). Positive contributions raise the propensity.
 */
public record Explanation(double score, List<Contribution> top) {

  public record Contribution(String feature, double logit) {}

  public Explanation {
    top = List.copyOf(top);
  }
}
