package io.kairos.engine.contact;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.Map;

/**
 * Appends the offers a decision serves to the person's history, but only if the history is still the one
 * the decision was made from ({@code seen}): a decision made at the same time for the same person (parallel
 * placements on one page) that served first makes this one stale, and its caller decides again on the new
 * history, so that caps hold. Returns whether it appended ({@link RecordContacts} appends in any case).
 * Pure apart from the entry.
 */
public record ServeContacts(List<Contact> seen, List<Contact> served, long now)
    implements EntryProcessor<String, ContactHistory, Boolean> {

  public ServeContacts {
    seen = List.copyOf(seen);
    served = List.copyOf(served);
  }

  @Override
  public Boolean process(Map.Entry<String, ContactHistory> entry) {
    ContactHistory current = entry.getValue() == null ? ContactHistory.EMPTY : entry.getValue();
    if (!current.contacts().equals(seen)) {
      return false;
    }
    entry.setValue(current.with(served, now));
    return true;
  }
}
