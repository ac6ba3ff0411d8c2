package io.kairos.engine.profile;

/**
 * The latest purchase-propensity score and its provenance. {@code asOfEventCount} is the profile's
 * event count the score was computed from, so a late, stale score never overwrites a newer one.
 * {@code modelVersion == null} means the profile was never scored.
 */
public record PropensityState(double score, String modelVersion, long scoredAt, long asOfEventCount) implements java.io.Serializable {

  public static final PropensityState NONE = new PropensityState(0, null, 0, -1);

  public boolean isScored() {
    return modelVersion != null;
  }
}
