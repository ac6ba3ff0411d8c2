package io.kairos.engine.identity;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Maps identifiers (cookie, user id, e-mail, ...) to profile ids. Safe from any thread. */
public interface IdentityResolver {

  /** The profile these identifiers belong to, creating and linking one as needed. */
  CompletionStage<String> resolve(Map<String, String> identifiers);

  /** The profile owning one identifier, or null; never creates anything. */
  CompletionStage<String> lookup(String type, String value);

  /** Re-links identifiers to a known profile (replay at start); blocking. */
  void restore(Map<String, String> links);
}
