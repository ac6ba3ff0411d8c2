package io.kairos.engine.decide;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kairos.engine.error.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The offers loaded from {@code config/offers.yaml}, validated and with conditions compiled. */
public final class OfferCatalog {

  /** The YAML shape of one offer. */
  record OfferSpec(String id, String name, List<String> channels, List<String> placements, List<String> conditions,
      Double value, Double weight, Map<String, Object> payload) {}

  record CatalogSpec(List<OfferSpec> offers) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private final List<Offer> offers;

  public OfferCatalog(List<Offer> offers) {
    this.offers = List.copyOf(offers);
  }

  public static OfferCatalog load(Path file) {
    CatalogSpec spec;
    try {
      spec = YAML.readValue(file.toFile(), CatalogSpec.class);
    } catch (IOException e) {
      throw new ConfigException("cannot read offers from " + file + ": " + e.getMessage(), "offers", e);
    }
    if (spec == null || spec.offers() == null || spec.offers().isEmpty()) {
      throw new ConfigException(file + " must list at least one offer under 'offers'", "offers");
    }
    List<Offer> offers = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < spec.offers().size(); i++) {
      offers.add(toOffer(spec.offers().get(i), "offers[" + i + "]", ids, file));
    }
    return new OfferCatalog(offers);
  }

  private static Offer toOffer(OfferSpec s, String path, Set<String> ids, Path file) {
    if (s.id() == null || !ID.matcher(s.id()).matches()) {
      throw new ConfigException(file + ": " + path + ".id must be 1-64 of a-z 0-9 _ -", path + ".id");
    }
    if (!ids.add(s.id())) {
      throw new ConfigException(file + ": duplicate offer id " + s.id(), path + ".id");
    }
    if (s.name() == null || s.name().isBlank()) {
      throw new ConfigException(file + ": offer " + s.id() + " needs a name", path + ".name");
    }
    if (s.channels() == null || s.channels().isEmpty()) {
      throw new ConfigException(file + ": offer " + s.id() + " needs at least one channel", path + ".channels");
    }
    if (s.value() == null || s.value() < 0 || s.value().isNaN()) {
      throw new ConfigException(file + ": offer " + s.id() + " needs a non-negative value", path + ".value");
    }
    double weight = s.weight() == null ? 1.0 : s.weight();
    if (weight < 0 || Double.isNaN(weight)) {
      throw new ConfigException(file + ": offer " + s.id() + " weight must be non-negative", path + ".weight");
    }
    List<OfferCondition> conditions = new ArrayList<>();
    List<String> sources = s.conditions() == null ? List.of() : s.conditions();
    for (int j = 0; j < sources.size(); j++) {
      try {
        conditions.add(OfferCondition.compile(sources.get(j)));
      } catch (OfferCondition.InvalidConditionException e) {
        throw new ConfigException(file + ": offer " + s.id() + " condition " + j + " does not compile: " + e.getMessage(),
            path + ".conditions[" + j + "]");
      }
    }
    return new Offer(s.id(), s.name(), s.channels(), s.placements() == null ? List.of() : s.placements(), conditions,
        s.value(), weight, s.payload());
  }

  public List<Offer> offers() {
    return offers;
  }
}
