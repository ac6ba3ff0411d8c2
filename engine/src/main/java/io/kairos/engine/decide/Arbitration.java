package io.kairos.engine.decide;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses from the eligible offers, best score first: at most one offer per group, none that a
 * chosen offer excludes (by id or group) or that excludes a chosen one, up to the limit. Every
 * offer left out gets the reason. Exclusions are symmetric, so "a excludes b" and "b excludes a"
 * (a cycle) mean the same and are allowed. Pure.
 */
final class Arbitration {

  /** The chosen offers in rank order and the eligible ones left out, with why. */
  record Result(List<RankedOffer> chosen, List<ExcludedOffer> leftOut) {}

  private Arbitration() {}

  /** @param offers the offer of each ranked entry, in the same order */
  static Result choose(List<RankedOffer> ranked, List<Offer> offers, int limit) {
    List<RankedOffer> chosen = new ArrayList<>();
    List<Offer> chosenOffers = new ArrayList<>();
    List<ExcludedOffer> left = new ArrayList<>(Math.max(0, ranked.size() - limit));
    String belowLimit = "eligible but ranked below the limit of " + limit;
    for (int k = 0; k < ranked.size(); k++) {
      RankedOffer r = ranked.get(k);
      Offer o = offers.get(k);
      Offer blocker = conflict(o, chosenOffers);
      String reason = null;
      if (blocker != null) {
        reason = o.group() != null && o.group().equals(blocker.group())
            ? "group " + o.group() + ": " + blocker.id() + " ranked higher"
            : "mutually exclusive with " + blocker.id() + ", which ranked higher";
      } else if (chosen.size() >= limit) {
        reason = belowLimit;
      }
      if (reason != null) {
        left.add(new ExcludedOffer(o.id(), reason));
        continue;
      }
      chosen.add(r);
      chosenOffers.add(o);
    }
    return new Result(chosen, left);
  }

  /**
   * The same rule over indexes, without reasons (for the many simulated draws that estimate choice
   * probabilities): fills {@code chosen} with indexes taken from the first {@code length} of {@code order}, best first, and
   * returns how many.
   */
  static int chooseIndexes(int[] order, int length, Offer[] offers, int limit, int[] chosen) {
    int n = 0;
    List<Offer> picked = new ArrayList<>(limit);
    for (int j = 0; j < length; j++) {
      int i = order[j];
      if (n >= limit) {
        break;
      }
      if (conflict(offers[i], picked) == null) {
        chosen[n++] = i;
        picked.add(offers[i]);
      }
    }
    return n;
  }

  /** The chosen offer that rules {@code o} out (same group, or an exclusion either way), or null. */
  static Offer conflict(Offer o, List<Offer> chosen) {
    for (Offer c : chosen) {
      if (o.group() != null && o.group().equals(c.group())) {
        return c;
      }
      if (c.excludes().contains(o.id()) || (o.group() != null && c.excludes().contains(o.group()))
          || o.excludes().contains(c.id()) || (c.group() != null && o.excludes().contains(c.group()))) {
        return c;
      }
    }
    return null;
  }

  /** Whether any offer constrains arbitration beyond the limit (a group or an exclusion). */
  static boolean constrained(Offer[] offers) {
    for (Offer o : offers) {
      if (o.group() != null || !o.excludes().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
