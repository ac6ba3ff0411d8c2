package io.kairos.engine.contact;

import com.hazelcast.map.IMap;
import io.kairos.engine.store.ContactLog;
import io.kairos.engine.store.ContactLog.ContactRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every person's contact history: in the grid for decide to read, appended by a small entry
 * processor, and written to the {@link ContactLog} so {@link #restore} can rebuild it after a
 * restart. Methods that touch the grid block: call them from a worker.
 */
public final class GridContactHistories {

  public static final String MAP_NAME = "contacts";
  private static final Logger LOG = LoggerFactory.getLogger(GridContactHistories.class);

  /** A lock holder that died is released after this; a decision holds it for well under a second. */
  static final long LOCK_LEASE_SECONDS = 30;

  private final IMap<String, ContactHistory> map;
  private final ContactLog log;

  public GridContactHistories(IMap<String, ContactHistory> map, ContactLog log) {
    this.map = map;
    this.log = log;
  }

  /**
   * Loads the retained contacts from the store into the grid. Rows stay under the profile id they were
   * recorded for; {@code live} maps each to the profile that stands for it now, so the contacts of a
   * profile merged away since count for its survivor.
   */
  public int restore(long now, UnaryOperator<String> live) {
    Map<String, List<Contact>> byPerson = new HashMap<>();
    Map<String, String> liveIds = new HashMap<>();
    int[] rows = new int[1];
    log.since(now - ContactHistory.RETENTION_MILLIS, r -> {
      rows[0]++;
      byPerson.computeIfAbsent(liveIds.computeIfAbsent(r.profileId(), live), k -> new ArrayList<>())
          .add(new Contact(r.offerId(), r.group(), r.channel(), Contact.Kind.valueOf(r.kind()), r.at()));
    });
    Map<String, ContactHistory> histories = new HashMap<>();
    byPerson.forEach((id, contacts) -> histories.put(id, ContactHistory.EMPTY.with(contacts, now)));
    map.putAll(histories);
    LOG.info("contact histories: {} contacts of {} people restored", rows[0], histories.size());
    return histories.size();
  }

  public ContactHistory of(String profileId) {
    ContactHistory h = profileId == null ? null : map.get(profileId);
    return h == null ? ContactHistory.EMPTY : h;
  }

  /** Appends contacts: the grid update is ordered before any later read of the same person; the future completes once durable. */
  public CompletableFuture<Void> record(String profileId, List<Contact> contacts, long now) {
    if (profileId == null || contacts.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    map.submitToKey(profileId, new RecordContacts(contacts, now));
    return append(profileId, contacts);
  }

  /**
   * Appends the offers a decision serves if the person's history is still {@code seen} ({@link ServeContacts}),
   * or with {@code anyway} whatever it is now ({@link RecordContacts}): false when another decision for the
   * person served first since, and the caller should decide again on {@link #of the new history}. Blocking
   * (one grid call); the stored rows are written in the background, a failure logged.
   */
  public boolean serve(String profileId, ContactHistory seen, List<Contact> served, long now, boolean anyway) {
    if (anyway) {
      map.executeOnKey(profileId, new RecordContacts(served, now));
    } else if (!map.executeOnKey(profileId, new ServeContacts(seen.contacts(), served, now))) {
      return false;
    }
    append(profileId, served).whenComplete((ok, err) -> {
      if (err != null) {
        LOG.warn("contacts served to {} not logged: {}", profileId, err.toString());
      }
    });
    return true;
  }

  /**
   * Runs {@code body} holding the person's lock in the grid (leased for {@link #LOCK_LEASE_SECONDS}): until it
   * returns, every other append to their history ({@link ServeContacts}, {@link RecordContacts}) waits, so a
   * history read in {@code body} stays current and {@link #serve serve(..., anyway)} keeps the caps. For a
   * decision that lost the optimistic race too often. Blocking.
   */
  public <T> T exclusively(String profileId, Supplier<T> body) {
    map.lock(profileId, LOCK_LEASE_SECONDS, TimeUnit.SECONDS);
    try {
      return body.get();
    } finally {
      map.unlock(profileId);
    }
  }

  private CompletableFuture<Void> append(String profileId, List<Contact> contacts) {
    List<ContactRow> rows = new ArrayList<>(contacts.size());
    for (Contact c : contacts) {
      rows.add(new ContactRow(profileId, c.offerId(), c.group(), c.channel(), c.kind().name(), c.at()));
    }
    return log.append(rows);
  }

  /**
   * Moves a merged-away profile's history to its survivor, so caps, cooldowns and suppressions keep
   * counting what the person was offered under either id. The stored rows keep their id; {@link #restore}
   * follows the merge. Blocking.
   */
  public void absorb(String awayId, String survivorId, long now) {
    ContactHistory away = map.remove(awayId);
    if (away != null && !away.contacts().isEmpty()) {
      map.executeOnKey(survivorId, new RecordContacts(away.contacts(), now));
    }
  }

  /** Drops the person's history from the grid (erasure; the stored rows are deleted with their other data). */
  public void forget(String profileId) {
    map.delete(profileId);
  }
}
