package io.kairos.engine.profile;

import java.io.Serializable;

/**
 * A person's answer for one consent purpose: {@code granted} or {@code denied}, where it came from
 * (the channel or API caller) and when. Newer answers replace older ones; an answer older than the
 * one held is ignored, so late or replayed updates cannot undo a withdrawal.
 */
public record Consent(String status, String source, long at) implements Serializable {

  public static final String GRANTED = "granted";
  public static final String DENIED = "denied";

  public boolean granted() {
    return GRANTED.equals(status);
  }
}
