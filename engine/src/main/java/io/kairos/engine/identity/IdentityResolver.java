package io.kairos.engine.identity;

import java.util.List;
import java.util.Map;

/**
 * Maps identifiers (cookie, user id, e-mail, ...) to profile ids. Calls block briefly: run them
 * on worker threads ({@link #lookupIfCached} never blocks).
 */
public interface IdentityResolver {

  /**
   * The profile these cleaned, valid identifiers belong to, creating, linking and merging as needed.
   *
   * @param messageId the id the event is stored under, recorded with any merge it causes (null when there is no event)
   */
  String resolve(Map<String, String> identifiers, String messageId);

  /**
   * {@link #resolve} for a batch, in order, with the identifiers each event carried that stay with another
   * profile; the same result as one call each, in fewer grid round trips.
   */
  List<Resolution> resolveAll(List<Map<String, String>> identifierSets, List<String> messageIds);

  /**
   * The profile owning one identifier written in any common form (cleaned here), or null; never
   * creates anything. An unknown type or an empty value is an {@code InvalidInputException}.
   */
  String lookup(String type, String rawValue);

  /**
   * {@link #lookup} when the link is in this member's near cache, else null (then call {@link #lookup}
   * from a worker). Never blocks; the same input errors as {@link #lookup}.
   */
  String lookupIfCached(String type, String rawValue);

  /** The owner of the strongest known identifier among these (any common form), or null; never creates. */
  String find(Map<String, String> rawIdentifiers);

  /** Removes every identifier link to this profile (erasure); returns how many. */
  int unlinkAll(String profileId);

  /** Re-links identifiers to known profiles (replay at start). */
  void restore(Map<String, String> links);
}
