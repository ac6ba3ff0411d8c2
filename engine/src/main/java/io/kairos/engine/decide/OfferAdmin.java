package io.kairos.engine.decide;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kairos.engine.decide.OfferCatalog.OfferSpec;
import io.kairos.engine.error.ConflictException;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.error.PreconditionFailedException;
import io.kairos.engine.error.NotFoundException;
import io.kairos.engine.error.UnavailableException;
import io.kairos.engine.store.OfferChangeLog;
import io.kairos.engine.store.OfferChangeLog.OfferChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live offer catalog and its changes through the admin API: create, update, retire. Each change
 * is validated like the YAML file (conditions compiled, errors name the field and the CEL position),
 * made durable in the {@link OfferChangeLog} as the next catalog version, then swapped in atomically;
 * decisions in flight keep the catalog they started with. At start the YAML file is the base and the
 * logged changes are re-applied on top. Changing methods block until the change is durable: call them
 * from a worker.
 */
public final class OfferAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(OfferAdmin.class);
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  /** A catalog and the version it is (0 = the YAML file alone). */
  public record Versioned(long version, OfferCatalog catalog) {}

  private final OfferChangeLog log;
  private final Clock clock;
  private volatile Versioned current;

  private OfferAdmin(Versioned current, OfferChangeLog log, Clock clock) {
    this.current = current;
    this.log = log;
    this.clock = clock;
  }

  /** The YAML catalog with every logged change re-applied; a change that no longer applies is skipped with a warning. */
  public static OfferAdmin open(OfferCatalog base, OfferChangeLog log, Clock clock) {
    Versioned v = new Versioned(0, base);
    for (OfferChange change : log.all()) {
      try {
        OfferCatalog next = "retire".equals(change.action()) ? without(v.catalog(), change.offerId())
            : with(v.catalog(), OfferCatalog.toOffer(parse(change.body()), ""), parse(change.body()));
        v = new Versioned(change.version(), next);
      } catch (OfferCatalog.InvalidOffer | RuntimeException e) {
        LOG.warn("offer change {} ({} {}) no longer applies and is skipped: {}", change.version(), change.action(),
            change.offerId(), e.getMessage());
        v = new Versioned(change.version(), v.catalog());
      }
    }
    return new OfferAdmin(v, log, clock);
  }

  public OfferCatalog catalog() {
    return current.catalog();
  }

  public Versioned current() {
    return current;
  }

  public List<OfferChange> history() {
    return log.all();
  }

  /**
   * Creates an offer. {@code expectedVersion} (null: any) is the catalog version the caller's change was
   * made against; when another change came first the call is refused, so two marketers cannot overwrite
   * each other's edits unknowingly.
   */
  public synchronized Versioned create(String body, Long expectedVersion) {
    requireVersion(expectedVersion);
    OfferSpec spec = parse(body);
    if (spec.id() != null && find(current.catalog(), spec.id()) >= 0) {
      throw new ConflictException("offer_exists", "offer " + spec.id() + " exists; update it with PUT /v1/admin/offers/" + spec.id());
    }
    return apply("create", spec.id(), spec, body);
  }

  /** Replaces an offer; {@code expectedVersion} as for {@link #create}. */
  public synchronized Versioned update(String id, String body, Long expectedVersion) {
    requireVersion(expectedVersion);
    OfferSpec spec = parse(body);
    if (spec.id() != null && !spec.id().equals(id)) {
      throw new InvalidInputException("invalid_offer", "body id " + spec.id() + " differs from the path's " + id, "id");
    }
    requireExisting(id);
    OfferSpec withId = spec.withId(id);
    return apply("update", id, withId, write(withId));
  }

  /** Retires an offer; {@code expectedVersion} as for {@link #create}. */
  public synchronized Versioned retire(String id, Long expectedVersion) {
    requireVersion(expectedVersion);
    requireExisting(id);
    return apply("retire", id, null, null);
  }

  private void requireVersion(Long expected) {
    if (expected != null && expected != current.version()) {
      throw new PreconditionFailedException("catalog_changed", "the catalog is at version " + current.version() + ", not " + expected
          + ": read it again (GET /v1/admin/offers) and make the change on that version", "If-Match");
    }
  }

  private Versioned apply(String action, String id, OfferSpec spec, String body) {
    OfferCatalog next;
    try {
      next = spec == null ? without(current.catalog(), id) : with(current.catalog(), OfferCatalog.toOffer(spec, ""), spec);
    } catch (OfferCatalog.InvalidOffer e) {
      throw new InvalidInputException("invalid_offer", e.getMessage(), e.field());
    }
    long version = current.version() + 1;
    try {
      log.append(new OfferChange(version, clock.millis(), action, id, body == null ? null : write(spec))).get();
    } catch (ExecutionException | InterruptedException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new UnavailableException("store_unavailable", "the offer change was not stored: " + e.getMessage(), e);
    }
    current = new Versioned(version, next);
    LOG.info("offer catalog version {}: {} {}", version, action, id);
    return current;
  }

  private void requireExisting(String id) {
    if (find(current.catalog(), id) < 0) {
      throw new NotFoundException("offer_not_found", "no offer " + id);
    }
  }

  private static int find(OfferCatalog catalog, String id) {
    for (int i = 0; i < catalog.offers().size(); i++) {
      if (catalog.offers().get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The catalog with {@code offer} added, or replacing the offer of the same id in place. */
  private static OfferCatalog with(OfferCatalog catalog, Offer offer, OfferSpec spec) {
    List<Offer> offers = new ArrayList<>(catalog.offers());
    List<OfferSpec> specs = new ArrayList<>(catalog.specs());
    int i = find(catalog, offer.id());
    if (i >= 0) {
      offers.set(i, offer);
      specs.set(i, spec);
    } else {
      offers.add(offer);
      specs.add(spec);
    }
    return new OfferCatalog(offers, specs, catalog.contactPolicy());
  }

  private static OfferCatalog without(OfferCatalog catalog, String id) {
    int i = find(catalog, id);
    if (i < 0) {
      return catalog;
    }
    List<Offer> offers = new ArrayList<>(catalog.offers());
    List<OfferSpec> specs = new ArrayList<>(catalog.specs());
    offers.remove(i);
    specs.remove(i);
    return new OfferCatalog(offers, specs, catalog.contactPolicy());
  }

  static OfferSpec parse(String body) {
    try {
      OfferSpec spec = JSON.readValue(body, OfferSpec.class);
      if (spec == null) {
        throw new InvalidInputException("invalid_offer", "the body must be one offer as a JSON object", null);
      }
      return spec;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("invalid_offer", "not an offer: " + e.getOriginalMessage(), null);
    }
  }

  public static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
