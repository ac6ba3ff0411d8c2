package io.kairos.engine.bench;

import io.kairos.engine.decide.OfferCatalog.OfferSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A large made-up catalog for the decide benchmarks: {@code n} offers on web and e-mail, each with
 * two CEL conditions that every profile passes (the worst case: all offers are eligible, so all are
 * drawn, ranked and explained): one shared by every offer, as a catalog-wide eligibility rule would be,
 * and one of its own, so {@code n + 1} distinct conditions per decision. Values from 5 to 54, and every
 * other offer in one of 20 groups (so arbitration has groups to respect).
 */
public final class SyntheticCatalog {

  private SyntheticCatalog() {}

  public static List<OfferSpec> specs(int n) {
    List<OfferSpec> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new OfferSpec("offer-" + i, "Offer " + i, List.of("web", "email"), null, conditions(i), 5.0 + i % 50, null, null, null,
          null, group(i), null, null));
    }
    return out;
  }

  /** Writes the same catalog as an offers.yaml the engine loads. */
  public static Path writeYaml(int n, Path file) throws IOException {
    StringBuilder yaml = new StringBuilder("offers:\n");
    for (OfferSpec s : specs(n)) {
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

  private static List<String> conditions(int i) {
    return List.of("profile.purchaseTotal >= 0.0 && channel != 'sms'", "profile.propensity > -" + (i + 1) + ".0");
  }

  private static String group(int i) {
    return i % 2 == 0 ? "g" + (i % 20) : null;
  }
}
