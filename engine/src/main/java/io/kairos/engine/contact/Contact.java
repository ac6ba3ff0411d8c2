package io.kairos.engine.contact;

/**
 * One contact with a person: an offer served in a decision, or their answer to it.
 *
 * @param group the offer's group at the time, or null
 */
public record Contact(String offerId, String group, String channel, Kind kind, long at) implements java.io.Serializable {

  /** What happened. */
  public enum Kind { SERVED, REJECTED, ACCEPTED }
}
