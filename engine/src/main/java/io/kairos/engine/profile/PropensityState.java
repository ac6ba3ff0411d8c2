package io.kairos.engine.profile;

/**
 * The latest purchase-propensity score and its provenance. {@code asOfEventCount} is the profile's
 * event count the score was computed from, so a late, stale score never overwrites a newer one.
 * {@code modelVersion == null} means the profile was never scored. {@code drivers} names the
 * features that moved the score most, with their effect on the model's logit, e.g.
 * {@code "PageValues +1.92, ProductRelated +0.41, Month -0.20"}; null when not explained.
 */
public record PropensityState(double score, String modelVersion, long scoredAt, long asOfEventCount, String drivers)
    implements java.io.Serializable {

  public static final PropensityState NONE = new PropensityState(0, null, 0, -1, null);

  public PropensityState(double score, String modelVersion, long scoredAt, long asOfEventCount) {
    this(score, modelVersion, scoredAt, asOfEventCount, null);
  }

  public boolean isScored() {
    return modelVersion != null;
  }
}
