package io.kairos.engine.identity;

import com.hazelcast.map.IMap;
import io.kairos.engine.error.InvalidInputException;
import io.kairos.engine.profile.GridProfileStore;
import com.hazelcast.query.Predicates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifier links in a Hazelcast map ({@code type:value -> profileId}). An event goes to the
 * profile that owns its strongest already-linked identifier, so logging in (a new userId next to a
 * known cookie) lands on the cookie's profile; its new identifiers are linked there. When none is
 * linked, its strongest identifier is claimed atomically for a new profile (concurrent first events
 * of one visitor agree). A {@code profileId} identifier names the profile outright.
 *
 * <p>Exclusive types ({@code identity.exclusiveTypes}, default userId): a profile holds at most one
 * value of each, claimed atomically under {@code ~type:profileId}. An event whose exclusive
 * identifier cannot join the profile its other identifiers point to (a second account on a shared
 * device) starts or joins that account's own profile instead.
 *
 * <p>An identifier already linked to another profile links two people: with a {@link ProfileMerger}
 * they are merged (or the merge is refused by a rule and recorded); without one it is a counted
 * conflict.
 */
public final class GridIdentityResolver implements IdentityResolver {

  public static final String MAP_NAME = "identities";
  private static final int MAX_VALUE_CHARS = 256;
  private static final Logger LOG = LoggerFactory.getLogger(GridIdentityResolver.class);

  private final IMap<String, String> links;
  private final IdentifierCleaner cleaner;
  private final ProfileMerger merger;
  private final AtomicLong conflicts = new AtomicLong();

  /** A resolver that never merges: an identifier linked elsewhere is a counted conflict. */
  public GridIdentityResolver(IMap<String, String> links, IdentifierCleaner cleaner) {
    this(links, cleaner, null);
  }

  /** @param merger merges two profiles an event links (null: never merge) */
  public GridIdentityResolver(IMap<String, String> links, IdentifierCleaner cleaner, ProfileMerger merger) {
    this.links = links;
    this.cleaner = cleaner;
    this.merger = merger;
  }

  @Override
  public String resolve(Map<String, String> identifiers, String messageId) {
    return resolveAll(List.of(identifiers), Collections.singletonList(messageId)).get(0).profileId();
  }

  /**
   * Resolves a batch: every link the batch needs is read with one {@code getAll} (a single
   * identifier with one {@code get}), then each identifier set is resolved in order against that
   * view, which each claim keeps current.
   */
  @Override
  public List<Resolution> resolveAll(List<Map<String, String>> identifierSets, List<String> messageIds) {
    List<List<Identifier>> ordered = identifierSets.stream().map(this::strongestFirst).toList();
    Set<String> keys = new HashSet<>();
    ordered.forEach(ids -> ids.forEach(id -> keys.add(id.key())));
    Map<String, String> known = new HashMap<>();
    if (keys.size() == 1) {
      read(keys.iterator().next(), known);
    } else {
      known.putAll(links.getAll(keys));
      keys.forEach(k -> known.putIfAbsent(k, null)); // read already: unlinked
    }
    List<Resolution> out = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      out.add(resolve(ordered.get(i), messageIds.get(i), known));
    }
    return out;
  }

  private List<Identifier> strongestFirst(Map<String, String> identifiers) {
    return identifiers.entrySet().stream()
        .map(e -> new Identifier(e.getKey(), e.getValue(), true))
        .sorted(Comparator.comparingInt((Identifier id) -> cleaner.rank(id.type())).thenComparing(Identifier::type))
        .toList();
  }

  /** One event's identifiers against {@code known} (link key → owner, null when read and unlinked). */
  private Resolution resolve(List<Identifier> ordered, String messageId, Map<String, String> known) {
    Map<String, String> linkedBefore = new HashMap<>();
    ordered.forEach(id -> linkedBefore.put(id.key(), known.get(id.key())));
    Identifier first = ordered.get(0);
    String target;
    if (first.type().equals("profileId")) {
      target = claim(first.key(), first.value(), known);
    } else {
      target = existingOwner(ordered, known);
      if (target == null || !claimExclusives(ordered, target, known)) {
        target = startProfile(ordered, known);
      }
    }
    Set<String> unlinked = new HashSet<>();
    for (Identifier id : ordered) {
      target = target.equals(linkedBefore.get(id.key())) ? target // linked here before this event: its exclusive claim exists
          : link(id, target, known, messageId, unlinked);
    }
    return new Resolution(target, unlinked);
  }

  /**
   * The owner of the strongest linked identifier (never-merge types last), or null when none is linked or when an unlinked
   * exclusive identifier of the event cannot join that owner (it holds another value of the type).
   */
  private String existingOwner(List<Identifier> ordered, Map<String, String> known) {
    // Never-merge types (a shared tablet's deviceId) decide only when nothing else is linked.
    String owner = ordered.stream().filter(id -> !cleaner.isNeverMerge(id.type())).map(id -> known.get(id.key()))
        .filter(o -> o != null).findFirst()
        .orElse(ordered.stream().map(id -> known.get(id.key())).filter(o -> o != null).findFirst().orElse(null));
    if (owner == null) {
      return null;
    }
    for (Identifier id : ordered) {
      if (cleaner.isExclusive(id.type()) && known.get(id.key()) == null) {
        String held = read(exclusiveKey(id.type(), owner), known);
        if (held != null && !held.equals(id.value())) {
          conflicts.incrementAndGet();
          LOG.debug("{} {} cannot join {}, which holds another; the event starts that account's own profile", id.type(),
              id.value(), owner);
          return null;
        }
      }
    }
    return owner;
  }

  /**
   * Claims, atomically, the owner's slot of each exclusive type the event brings unlinked. {@link #existingOwner} checked those
   * slots with a plain read; a racing event may have filled one since (two accounts logging in on one new cookie). Losing a
   * claim means this account is another person, as if that read had seen it: false, and the event starts its own profile.
   */
  private boolean claimExclusives(List<Identifier> ordered, String owner, Map<String, String> known) {
    for (Identifier id : ordered) {
      if (cleaner.isExclusive(id.type()) && known.get(id.key()) == null
          && !claim(exclusiveKey(id.type(), owner), id.value(), known).equals(id.value())) {
        conflicts.incrementAndGet();
        return false;
      }
    }
    return true;
  }

  /**
   * A new profile for the event, or the profile a racing event linked its strongest identifier to meanwhile. The new profile's
   * exclusive slots are claimed before its first identifier links to it: a racing event that finds the profile through that
   * identifier (another login of the same account, which then links the cookie) must already see them. Claimed after, a second
   * account on the same cookie could take the slot first and both accounts shared one profile (GridIdentityResolverTest's racing
   * logins failed about one run in eight that way). Claims made for an id that stayed unused are deleted.
   */
  private String startProfile(List<Identifier> ordered, Map<String, String> known) {
    String fresh = RandomIds.uuid();
    List<String> slots = new ArrayList<>();
    for (Identifier id : ordered) {
      if (cleaner.isExclusive(id.type())) {
        String slot = exclusiveKey(id.type(), fresh);
        claim(slot, id.value(), known); // a new id: nobody else can hold its slots
        slots.add(slot);
      }
    }
    String target = claim(ordered.get(0).key(), fresh, known);
    if (!target.equals(fresh)) {
      for (String slot : slots) {
        links.delete(slot);
        known.remove(slot);
      }
    }
    return target;
  }

  /**
   * Links one identifier to the target unless it belongs elsewhere (or, for an exclusive type, the
   * target holds another value). An identifier that belongs to another profile links the two
   * people: they are merged unless a rule refuses. Returns the profile the event goes to now; an
   * identifier left unlinked to it (another profile's, or a refused exclusive value) is added to {@code unlinked}.
   */
  private String link(Identifier id, String target, Map<String, String> known, String messageId, Set<String> unlinked) {
    if (cleaner.isExclusive(id.type())) {
      String held = claim(exclusiveKey(id.type(), target), id.value(), known);
      if (!held.equals(id.value())) {
        conflicts.incrementAndGet();
        unlinked.add(id.type());
        return target;
      }
    }
    String owner = claim(id.key(), target, known);
    if (owner.equals(target)) {
      return target;
    }
    if (merger == null) {
      conflicts.incrementAndGet();
      LOG.debug("identifier {} belongs to {}, event resolved to {}", id.type(), owner, target);
      unlinked.add(id.type());
      return target;
    }
    String live = merger.canonical(target);
    String other = merger.canonical(owner);
    if (live.equals(other)) {
      return live;
    }
    String survivor = merger.mergeOrRefuse(live, other, id, messageId); // refusals are counted by the merger
    if (survivor == null) {
      unlinked.add(id.type());
      return live;
    }
    return survivor;
  }

  /** A link's value, from {@code known} or the map (remembered either way). */
  private String read(String key, Map<String, String> known) {
    if (known.containsKey(key)) {
      return known.get(key);
    }
    String value = links.get(key);
    known.put(key, value);
    return value;
  }

  /** The owner of {@code key}, linking it to {@code candidate} atomically if it has none. */
  private String claim(String key, String candidate, Map<String, String> known) {
    String owner = read(key, known);
    if (owner == null) {
      owner = links.executeOnKey(key, new ClaimIdentityProcessor(candidate));
      known.put(key, owner);
    }
    return owner;
  }

  /**
   * The value of a merged-away profile's exclusive slots: never an identifier value (ingest refuses
   * control characters in identifiers), so no event can claim the slot of a profile being merged or a tombstone.
   */
  public static final String SEALED = "\u0000merged";

  /** The key under which a profile holds its one value of an exclusive type ({@code ~userId:<profileId>}). */
  static String exclusiveKey(String type, String profileId) {
    return "~" + type + ":" + profileId;
  }

  /** Whether a key of the links map is an exclusive-type claim, which {@link #restore} derives from the identifier links. */
  public static boolean isExclusiveClaim(String key) {
    return key.startsWith("~");
  }

  @Override
  public String lookup(String type, String rawValue) {
    Identifier id = cleanForLookup(type, rawValue);
    return id.valid() ? links.get(id.key()) : null;
  }

  @Override
  public String lookupIfCached(String type, String rawValue) {
    Identifier id = cleanForLookup(type, rawValue);
    return id.valid() ? GridProfileStore.cachedValue(links, id.key()) : null;
  }

  private Identifier cleanForLookup(String type, String rawValue) {
    if (!cleaner.knows(type)) {
      throw new InvalidInputException("unknown_identifier_type", "unknown identifier type " + type + "; known types are "
          + cleaner.types(), "type");
    }
    if (rawValue == null || rawValue.isBlank() || rawValue.length() > MAX_VALUE_CHARS) {
      throw new InvalidInputException("invalid_identifier", "identifier values are 1-" + MAX_VALUE_CHARS + " characters", type);
    }
    return cleaner.clean(type, rawValue);
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
    cleaner.exclusiveTypes().forEach(type -> links.delete(exclusiveKey(type, profileId)));
    return keys.size();
  }

  @Override
  public void restore(Map<String, String> keyToProfile) {
    Map<String, String> all = new HashMap<>(keyToProfile);
    keyToProfile.forEach((key, owner) -> {
      int colon = key.indexOf(':');
      String type = key.substring(0, colon);
      if (cleaner.isExclusive(type)) {
        all.putIfAbsent(exclusiveKey(type, owner), key.substring(colon + 1));
      }
    });
    links.putAll(all);
  }

  /** Identifiers seen on an event but already linked to a different profile. */
  public long conflicts() {
    return conflicts.get();
  }
}
