package io.kairos.engine.contact;

import com.hazelcast.map.EntryProcessor;
import java.util.List;
import java.util.Map;

/** Appends contacts to a person's history in the grid (pruning it as it goes). Pure apart from the entry. */
public record RecordContacts(List<Contact> contacts, long now) implements EntryProcessor<String, ContactHistory, Void> {

  @Override
  public Void process(Map.Entry<String, ContactHistory> entry) {
    ContactHistory current = entry.getValue() == null ? ContactHistory.EMPTY : entry.getValue();
    entry.setValue(current.with(contacts, now));
    return null;
  }
}
