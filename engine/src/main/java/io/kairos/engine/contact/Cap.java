package io.kairos.engine.contact;

/** At most {@code limit} offers served within any {@code hours}. */
public record Cap(int limit, double hours) {

  public Cap {
    if (limit < 1) {
      throw new IllegalArgumentException("a cap's limit must be at least 1, got " + limit);
    }
    if (!(hours > 0) || Double.isInfinite(hours)) {
      throw new IllegalArgumentException("a cap's hours must be positive, got " + hours);
    }
  }

  long windowMillis() {
    return (long) (hours * 3_600_000);
  }
}
