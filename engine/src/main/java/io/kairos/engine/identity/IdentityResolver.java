package io.kairos.engine.identity;

import java.util.Map;

/**
 * Maps identifiers (cookie, user id, e-mail, ...) to profile ids. Calls block briefly: run them
 * on worker threads.
 */
public interface IdentityResolver {

  /** The profile these identifiers belong to, creating and linking one as needed. */
  String resolve(Map<String, String> identifiers);

  /** The profile owning one identifier, or null; never creates anything. */
  String lookup(String type, String value);

  /** Re-links identifiers to known profiles (replay at start). */
  void restore(Map<String, String> links);
}
