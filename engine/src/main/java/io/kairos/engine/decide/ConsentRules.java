package io.kairos.engine.decide;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.profile.Consent;
import io.kairos.engine.profile.Profile;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies the consent policy: a person's own answer for a purpose, else the configured default.
 * Pure; used by the {@link DecisionEngine} to decide without the profile (no personalization
 * consent) and to leave out offers on a channel whose marketing consent is missing.
 */
public final class ConsentRules {

  public static final String PERSONALIZATION = "personalization";

  private final KairosConfig.ConsentPolicy policy;

  public ConsentRules(KairosConfig.ConsentPolicy policy) {
    this.policy = policy;
  }

  /** The answer in force for a purpose: the person's, or the default (source {@code default}, time 0). */
  public Consent effective(Profile profile, String purpose) {
    Consent given = profile == null ? null : profile.consent(purpose);
    return given != null ? given : new Consent(policy.defaults().get(purpose), "default", 0);
  }

  /** Purpose to granted, for conditions ({@code profile.consent.marketing_email}). */
  public Map<String, Boolean> granted(Profile profile) {
    Map<String, Boolean> out = new HashMap<>();
    policy.defaults().keySet().forEach(purpose -> out.put(purpose, effective(profile, purpose).granted()));
    return out;
  }

  /** The purpose an offer on this channel needs, or null when the channel needs none. */
  public String purposeForChannel(String channel) {
    return policy.channels().get(channel);
  }

  /** How a reason names an answer, e.g. {@code marketing_email denied (preference_center, 2026-11-23T10:00:00Z)}. */
  public static String describe(String purpose, Consent c) {
    return purpose + " " + c.status() + (c.at() == 0 ? " (default for people who never answered)"
        : " (" + c.source() + ", " + Instant.ofEpochMilli(c.at()) + ")");
  }
}
