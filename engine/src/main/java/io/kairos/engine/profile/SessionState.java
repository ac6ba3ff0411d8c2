package io.kairos.engine.profile;

/**
 * Behaviour in the current session (a gap longer than the session timeout starts a new one):
 * page counts and seconds spent by page kind, in the vocabulary of the propensity model's
 * training data (administrative, informational, product-related pages); across all sessions, how
 * many ended after a single page ({@code bounces}) and how many pages were seen ({@code pagesTotal});
 * where the current session came from ({@code trafficSource}, see {@link TrafficSource}).
 */
public record SessionState(long startedAt, long lastEventAt, int sessionCount, int administrative, double administrativeSeconds,
    int informational, double informationalSeconds, int productRelated, double productRelatedSeconds, double pageValueSum,
    String lastPageKind, int bounces, int pagesTotal, String trafficSource) implements java.io.Serializable {

  public static final SessionState NONE = new SessionState(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, null);

  public int pages() {
    return administrative + informational + productRelated;
  }
}
