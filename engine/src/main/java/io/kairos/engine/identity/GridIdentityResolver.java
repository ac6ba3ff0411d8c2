package io.kairos.engine.identity;

import com.hazelcast.map.IMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifier links in a Hazelcast map ({@code type:value -> profileId}). The strongest identifier
 * of an event (see {@link IdentifierNormalizer#PRIORITY}) is claimed first, atomically, which
 * picks the profile; the others are then claimed for that profile. An identifier already linked
 * to another profile stays where it is and the conflict is counted (merging is future work).
 */
public final class GridIdentityResolver implements IdentityResolver {

  public static final String MAP_NAME = "identities";
  private static final Logger LOG = LoggerFactory.getLogger(GridIdentityResolver.class);

  private final IMap<String, String> links;
  private final AtomicLong conflicts = new AtomicLong();

  public GridIdentityResolver(IMap<String, String> links) {
    this.links = links;
  }

  @Override
  public CompletionStage<String> resolve(Map<String, String> identifiers) {
    List<Map.Entry<String, String>> ordered = identifiers.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> IdentifierNormalizer.rank(e.getKey()))
            .thenComparing(Map.Entry::getKey))
        .toList();
    Map.Entry<String, String> first = ordered.get(0);
    String candidate = first.getKey().equals("profileId") ? first.getValue() : UUID.randomUUID().toString();
    CompletionStage<String> owner = links.submitToKey(IdentifierNormalizer.key(first.getKey(), first.getValue()),
        new ClaimIdentityProcessor(candidate));
    if (ordered.size() == 1) {
      return owner;
    }
    return owner.thenCompose(profileId -> {
      CompletableFuture<?>[] claims = ordered.stream().skip(1)
          .map(e -> links.submitToKey(IdentifierNormalizer.key(e.getKey(), e.getValue()), new ClaimIdentityProcessor(profileId))
              .thenAccept(actual -> {
                if (!actual.equals(profileId)) {
                  conflicts.incrementAndGet();
                  LOG.debug("identifier {} belongs to {}, event resolved to {}", e.getKey(), actual, profileId);
                }
              }).toCompletableFuture())
          .toArray(CompletableFuture[]::new);
      return CompletableFuture.allOf(claims).thenApply(ignored -> profileId);
    });
  }

  @Override
  public CompletionStage<String> lookup(String type, String value) {
    return links.getAsync(IdentifierNormalizer.key(type, value));
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
