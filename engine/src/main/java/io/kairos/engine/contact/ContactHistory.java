package io.kairos.engine.contact;

import java.util.ArrayList;
import java.util.List;

/**
 * A person's recent contacts, oldest first: at most {@link #MAX_CONTACTS}, none older than
 * {@link #RETENTION_MILLIS}. Immutable.
 */
public record ContactHistory(List<Contact> contacts) {

  public static final int MAX_CONTACTS = 500;
  public static final long RETENTION_MILLIS = 90L * 24 * 3_600_000;
  public static final ContactHistory EMPTY = new ContactHistory(List.of());

  public ContactHistory {
    contacts = List.copyOf(contacts);
  }

  /** This history with more contacts, pruned to the retention and size limits as of {@code now}. */
  public ContactHistory with(List<Contact> more, long now) {
    List<Contact> all = new ArrayList<>(contacts.size() + more.size());
    for (List<Contact> list : List.of(contacts, more)) {
      for (Contact c : list) {
        if (now - c.at() < RETENTION_MILLIS) {
          all.add(c);
        }
      }
    }
    all.sort((a, b) -> Long.compare(a.at(), b.at()));
    return new ContactHistory(all.size() > MAX_CONTACTS ? all.subList(all.size() - MAX_CONTACTS, all.size()) : all);
  }
}
