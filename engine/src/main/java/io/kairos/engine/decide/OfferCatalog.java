package io.kairos.engine.decide;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kairos.engine.contact.ContactPolicy;
import io.kairos.engine.contact.OfferContactRules;
import io.kairos.engine.error.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The offers loaded from {@code config/offers.yaml}, validated and with conditions compiled. */
public final class OfferCatalog {

  /** The YAML (and admin API) shape of one offer. */
  public record OfferSpec(String id, String name, List<String> channels, List<String> placements, List<String> conditions,
      Double value, Double weight, Map<String, Object> payload, String startsAt, String endsAt, String group, List<String> excludes,
      OfferContactRules contact) {

    /** The same offer under another id. */
    public OfferSpec withId(String newId) {
      return new OfferSpec(newId, name, channels, placements, conditions, value, weight, payload, startsAt, endsAt, group, excludes,
          contact);
    }
  }

  record CatalogSpec(List<OfferSpec> offers, ContactPolicy contactPolicy) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  private final List<Offer> offers;
  private final Map<String, Offer> byId;
  private final Map<String, String> payloadJson;
  private final List<OfferSpec> specs;
  private final ContactPolicy contactPolicy;
  private final boolean usesContactHistory;

  /** A catalog built in code (tests): no written form, no contact policy. */
  public OfferCatalog(List<Offer> offers) {
    this(offers, List.of(), ContactPolicy.NONE);
  }

  public OfferCatalog(List<Offer> offers, List<OfferSpec> specs, ContactPolicy contactPolicy) {
    this.offers = List.copyOf(offers);
    Map<String, Offer> index = new HashMap<>();
    this.offers.forEach(o -> index.put(o.id(), o));
    this.byId = Map.copyOf(index);
    Map<String, String> payloads = new HashMap<>();
    this.offers.forEach(o -> payloads.put(o.id(), DecisionJson.payload(o.payload())));
    this.payloadJson = Map.copyOf(payloads);
    this.specs = List.copyOf(specs);
    this.contactPolicy = contactPolicy == null ? ContactPolicy.NONE : contactPolicy;
    ContactPolicy p = this.contactPolicy;
    this.usesContactHistory = p.maxPerDay() > 0 || p.rejectCooldownHours() > 0 || p.acceptSuppressionHours() > 0
        || !p.groupCaps().isEmpty() || !p.channelCaps().isEmpty()
        || this.offers.stream().map(Offer::contact).anyMatch(c -> !c.caps().isEmpty() || c.rejectCooldownHours() != null
            || c.acceptSuppressionHours() != null);
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
      OfferSpec s = spec.offers().get(i);
      String path = "offers[" + i + "]";
      try {
        Offer offer = toOffer(s, path);
        if (!ids.add(offer.id())) {
          throw new InvalidOffer(path + ".id", "duplicate offer id " + offer.id());
        }
        offers.add(offer);
      } catch (InvalidOffer e) {
        throw new ConfigException(file + ": " + e.getMessage(), e.field);
      }
    }
    Set<String> names = new HashSet<>(ids);
    offers.forEach(o -> {
      if (o.group() != null) {
        names.add(o.group());
      }
    });
    for (int i = 0; i < offers.size(); i++) {
      Offer o = offers.get(i);
      for (int j = 0; j < o.excludes().size(); j++) {
        String x = o.excludes().get(j);
        if (!names.contains(x)) {
          throw new ConfigException(file + ": offers[" + i + "].excludes[" + j + "]: " + x + " is neither an offer nor a group",
              "offers[" + i + "].excludes[" + j + "]");
        }
        if (x.equals(o.group())) {
          throw new ConfigException(file + ": offers[" + i + "].excludes[" + j + "]: offer " + o.id() + " cannot exclude its own group "
              + x + " (a group already allows one offer per decision)", "offers[" + i + "].excludes[" + j + "]");
        }
      }
    }
    return new OfferCatalog(offers, spec.offers(), spec.contactPolicy());
  }

  /** A rule an offer breaks; {@code field} is its path, e.g. {@code offers[2].conditions[0]}. */
  public static final class InvalidOffer extends Exception {
    private final String field;

    InvalidOffer(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** Validates one offer and compiles its conditions; {@code path} prefixes the field names in errors. */
  public static Offer toOffer(OfferSpec s, String path) throws InvalidOffer {
    String at = path.isEmpty() ? "" : path + ".";
    if (s.id() == null || !ID.matcher(s.id()).matches()) {
      throw new InvalidOffer(at + "id", "id must be 1-64 of a-z 0-9 _ - (starting with a letter or digit)");
    }
    if (s.name() == null || s.name().isBlank()) {
      throw new InvalidOffer(at + "name", "offer " + s.id() + " needs a name");
    }
    if (s.channels() == null || s.channels().isEmpty()) {
      throw new InvalidOffer(at + "channels", "offer " + s.id() + " needs at least one channel");
    }
    if (s.value() == null || s.value() < 0 || s.value().isNaN() || s.value().isInfinite()) {
      throw new InvalidOffer(at + "value", "offer " + s.id() + " needs a non-negative value");
    }
    double weight = s.weight() == null ? 1.0 : s.weight();
    if (weight < 0 || Double.isNaN(weight) || Double.isInfinite(weight)) {
      throw new InvalidOffer(at + "weight", "offer " + s.id() + " weight must be non-negative");
    }
    List<OfferCondition> conditions = new ArrayList<>();
    List<String> sources = s.conditions() == null ? List.of() : s.conditions();
    for (int j = 0; j < sources.size(); j++) {
      try {
        conditions.add(OfferCondition.compile(sources.get(j)));
      } catch (OfferCondition.InvalidConditionException e) {
        throw new InvalidOffer(at + "conditions[" + j + "]", "offer " + s.id() + " condition " + j + " does not compile: " + e.getMessage());
      }
    }
    Instant startsAt = instant(s.startsAt(), at + "startsAt");
    Instant endsAt = instant(s.endsAt(), at + "endsAt");
    if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
      throw new InvalidOffer(at + "endsAt", "offer " + s.id() + " must end after it starts (" + startsAt + ")");
    }
    if (s.group() != null && !ID.matcher(s.group()).matches()) {
      throw new InvalidOffer(at + "group", "group must be 1-64 of a-z 0-9 _ -");
    }
    List<String> excludes = s.excludes() == null ? List.of() : s.excludes();
    for (int j = 0; j < excludes.size(); j++) {
      String x = excludes.get(j);
      if (x == null || !ID.matcher(x).matches() || x.equals(s.id())) {
        throw new InvalidOffer(at + "excludes[" + j + "]", "excludes must name other offers or groups (a-z 0-9 _ -), got " + x);
      }
    }
    OfferContactRules contact = s.contact() == null ? OfferContactRules.NONE : s.contact();
    for (Double hours : new Double[] {contact.rejectCooldownHours(), contact.acceptSuppressionHours(), contact.purchaseSuppressionHours()}) {
      if (hours != null && (hours < 0 || hours.isNaN() || hours.isInfinite())) {
        throw new InvalidOffer(at + "contact", "offer " + s.id() + " contact durations must be non-negative hours");
      }
    }
    return new Offer(s.id(), s.name(), s.channels(), s.placements() == null ? List.of() : s.placements(), conditions,
        s.value(), weight, s.payload(), startsAt, endsAt, s.group(), excludes, contact);
  }

  private static Instant instant(String value, String field) throws InvalidOffer {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidOffer(field, field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, got " + value);
    }
  }

  /** The offers as written (YAML or API shape), in catalog order. */
  public List<OfferSpec> specs() {
    return specs;
  }

  public List<Offer> offers() {
    return offers;
  }

  /** The offer's creative payload as JSON, encoded once when the catalog is built (every decision answers with it). */
  public String payloadJson(String offerId) {
    return payloadJson.get(offerId);
  }

  /** The offer's group, or null when it has none or is not in the catalog. */
  public String groupOf(String offerId) {
    Offer o = byId.get(offerId);
    return o == null ? null : o.group();
  }

  public ContactPolicy contactPolicy() {
    return contactPolicy;
  }

  /**
   * Whether any rule reads the contact history (a cap, a cooldown, an accept suppression or the daily
   * cap). Without one, decide neither reads nor records contacts: that path costs decide about half its
   * throughput (docs/BENCHMARKS.md), which a catalog without contact rules should not pay.
   */
  public boolean usesContactHistory() {
    return usesContactHistory;
  }
}
