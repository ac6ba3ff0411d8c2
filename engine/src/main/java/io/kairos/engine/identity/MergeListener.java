package io.kairos.engine.identity;

/**
 * Told after a merge is applied, so state kept beside the profile under its id (a contact history,
 * for one) can follow the person to the surviving profile. Called on the merging grid worker; may block.
 */
@FunctionalInterface
public interface MergeListener {

  MergeListener NONE = (away, survivor) -> { };

  void merged(String awayId, String survivorId);
}
