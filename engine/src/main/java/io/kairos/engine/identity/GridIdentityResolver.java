package io.kairos.engine.identity;

import com.hazelcast.map.IMap;
import io.kairos.engine.error.InvalidInputException;
import com.hazelcast.query.Predicates;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifier links in a Hazelcast map ({@code type:value -> profileId}). The strongest identifier
 * of an event (see {@link IdentifierCleaner#types()}) is claimed first, atomically, which
 * picks the profile; the others are then claimed for that profile. An identifier already linked
 * to another profile stays where it is and the conflict is counted (merging is future work).
 */
public final class GridIdentityResolver implements IdentityResolver {

  public static final String MAP_NAME = "identities";
  private static final int MAX_VALUE_CHARS = 256;
  private static final Logger LOG = LoggerFactory.getLogger(GridIdentityResolver.class);

  private final IMap<String, String> links;
  private final IdentifierCleaner cleaner;
  private final AtomicLong conflicts = new AtomicLong();

  public GridIdentityResolver(IMap<String, String> links, IdentifierCleaner cleaner) {
    this.links = links;
    this.cleaner = cleaner;
  }

  @Override
  public String resolve(Map<String, String> identifiers) {
    List<Map.Entry<String, String>> ordered = identifiers.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> cleaner.rank(e.getKey()))
            .thenComparing(Map.Entry::getKey))
        .toList();
    Map.Entry<String, String> first = ordered.get(0);
    String profileId = claim(Identifier.key(first.getKey(), first.getValue()),
        first.getKey().equals("profileId") ? first.getValue() : RandomIds.uuid());
    for (Map.Entry<String, String> e : ordered.subList(1, ordered.size())) {
      String owner = claim(Identifier.key(e.getKey(), e.getValue()), profileId);
      if (!owner.equals(profileId)) {
        conflicts.incrementAndGet();
        LOG.debug("identifier {} belongs to {}, event resolved to {}", e.getKey(), owner, profileId);
      }
    }
    return profileId;
  }

  /** The owner of {@code key}, linking it to {@code candidate} first if it has none (a read first: most keys are known). */
  private String claim(String key, String candidate) {
    String owner = links.get(key);
    return owner != null ? owner : links.executeOnKey(key, new ClaimIdentityProcessor(candidate));
  }

  @Override
  public String lookup(String type, String rawValue) {
    if (!cleaner.knows(type)) {
      throw new InvalidInputException("unknown_identifier_type", "unknown identifier type " + type + "; known types are "
          + cleaner.types(), "type");
    }
    if (rawValue == null || rawValue.isBlank() || rawValue.length() > MAX_VALUE_CHARS) {
      throw new InvalidInputException("invalid_identifier", "identifier values are 1-" + MAX_VALUE_CHARS + " characters", type);
    }
    Identifier id = cleaner.clean(type, rawValue);
    return id.valid() ? links.get(id.key()) : null;
  }

  @Override
  public String find(Map<String, String> rawIdentifiers) {
    List<Map.Entry<String, String>> ordered = rawIdentifiers.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> cleaner.rank(e.getKey()))).toList();
    for (Map.Entry<String, String> id : ordered) {
      String found = lookup(id.getKey(), id.getValue());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Override
  public int unlinkAll(String profileId) {
    Set<String> keys = links.keySet(Predicates.equal("this", profileId));
    keys.forEach(links::delete);
    return keys.size();
  }

  @Override
  public void restore(Map<String, String> keyToProfile) {
    links.putAll(keyToProfile);
  }

  /** Identifiers seen on an event but already linked to a different profile. */
  public long conflicts() {
    return conflicts.get();
  }
}
