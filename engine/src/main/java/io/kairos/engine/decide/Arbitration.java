package io.kairos.engine.decide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses from the eligible offers, best score first: at most one offer per group, none that a
 * chosen offer excludes (by id or group) or that excludes a chosen one, up to the limit. Every
 * offer left out gets the reason. Pure.
 */
final class Arbitration {

  /** The chosen offers in rank order and the eligible ones left out, with why. */
  record Result(List<RankedOffer> chosen, List<ExcludedOffer> leftOut) {}

  private Arbitration() {}

  static Result choose(List<RankedOffer> ranked, Map<String, Offer> offers, int limit) {
    List<RankedOffer> chosen = new ArrayList<>();
    List<ExcludedOffer> left = new ArrayList<>();
    Map<String, String> groupWinner = new HashMap<>();
    Map<String, String> blockedBy = new HashMap<>();
    for (RankedOffer r : ranked) {
      Offer o = offers.get(r.offerId());
      String reason = null;
      if (o.group() != null && groupWinner.containsKey(o.group())) {
        reason = "group " + o.group() + ": " + groupWinner.get(o.group()) + " ranked higher";
      } else if (blockedBy.containsKey(o.id()) || (o.group() != null && blockedBy.containsKey(o.group()))) {
        reason = "mutually exclusive with " + blockedBy.getOrDefault(o.id(), blockedBy.get(o.group())) + ", which ranked higher";
      } else {
        for (RankedOffer c : chosen) {
          Offer other = offers.get(c.offerId());
          if (o.excludes().contains(other.id()) || (other.group() != null && o.excludes().contains(other.group()))) {
            reason = "mutually exclusive with " + other.id() + ", which ranked higher";
            break;
          }
        }
      }
      if (reason == null && chosen.size() >= limit) {
        reason = "eligible but ranked below the limit of " + limit;
      }
      if (reason != null) {
        left.add(new ExcludedOffer(o.id(), reason));
        continue;
      }
      chosen.add(r);
      if (o.group() != null) {
        groupWinner.put(o.group(), o.id());
      }
      o.excludes().forEach(x -> blockedBy.putIfAbsent(x, o.id()));
    }
    return new Result(chosen, left);
  }
}
