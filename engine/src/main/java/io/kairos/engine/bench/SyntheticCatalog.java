package io.kairos.engine.bench;

import io.kairos.engine.decide.OfferCatalog.OfferSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A large made-up catalog for the decide benchmarks: {@code n} offers on web and e-mail, each with
 * two CEL conditions: one shared by every offer, as a catalog-wide eligibility rule would be, and one
 * of its own, so {@code n + 1} distinct conditions per decision. By default every profile passes
 * both (the worst case: all offers are eligible, so all are drawn, ranked and explained); with
 * {@code eligible} below {@code n}, the other offers' own condition fails for every profile, so every
 * condition is still evaluated but only {@code eligible} offers are ranked, as when a request's
 * segment and context leave a few dozen of a large catalog. Values from 5 to 54, and every other
 * offer in one of 20 groups (so arbitration has groups to respect).
 */
public final class SyntheticCatalog {

  private SyntheticCatalog() {}

  public static List<OfferSpec> specs(int n) {
    return specs(n, n);
  }

  public static List<OfferSpec> specs(int n, int eligible) {
    List<OfferSpec> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new OfferSpec("offer-" + i, "Offer " + i, List.of("web", "email"), null, conditions(i, i < eligible), 5.0 + i % 50, null, null, null,
          null, group(i), null, null));
    }
    return out;
  }

  /** Writes the same catalog as an offers.yaml the engine loads. */
  public static Path writeYaml(int n, int eligible, Path file) throws IOException {
    StringBuilder yaml = new StringBuilder("offers:\n");
    for (OfferSpec s : specs(n, eligible)) {
      yaml.append("  - id: ").append(s.id()).append("\n    name: ").append(s.name()).append("\n    channels: [web, email]\n")
          .append("    conditions:\n");
      for (String c : s.conditions()) {
        yaml.append("      - \"").append(c).append("\"\n");
      }
      yaml.append("    value: ").append(s.value()).append('\n');
      if (s.group() != null) {
        yaml.append("    group: ").append(s.group()).append('\n');
      }
    }
    Files.writeString(file, yaml);
    return file;
  }

  /** Propensity is in [0, 1], so {@code > -k} always holds and {@code > k} never does, for k ≥ 1. */
  private static List<String> conditions(int i, boolean eligible) {
    return List.of("profile.purchaseTotal >= 0.0 && channel != 'sms'", "profile.propensity > " + (eligible ? "-" : "") + (i + 1) + ".0");
  }

  private static String group(int i) {
    return i % 2 == 0 ? "g" + (i % 20) : null;
  }
}
