package io.kairos.engine.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The serve processor as a pure function over one entry. */
class ServeContactsTest {

  static final long NOW = 1_800_000_000_000L;
  static final Contact EARLIER = new Contact("banner", null, "web", Contact.Kind.SERVED, NOW - 60_000);
  static final Contact NEW = new Contact("banner", null, "web", Contact.Kind.SERVED, NOW);

  @Test
  void appendsOnlyToTheHistoryTheDecisionSaw() {
    Map.Entry<String, ContactHistory> entry = new AbstractMap.SimpleEntry<>("p-1", new ContactHistory(List.of(EARLIER)));
    assertThat(new ServeContacts(List.of(), List.of(NEW), NOW).process(entry)).as("made from an older history").isFalse();
    assertThat(entry.getValue().contacts()).containsExactly(EARLIER);
    assertThat(new ServeContacts(List.of(EARLIER), List.of(NEW), NOW).process(entry)).isTrue();
    assertThat(entry.getValue().contacts()).containsExactly(EARLIER, NEW);
    new RecordContacts(List.of(NEW), NOW).process(entry); // the unconditional append, for a decision's last attempt
    assertThat(entry.getValue().contacts()).as("unconditional").hasSize(3);
  }

  @Test
  void aPersonWithoutHistoryMatchesAnEmptyOne() {
    Map.Entry<String, ContactHistory> entry = new AbstractMap.SimpleEntry<>("p-2", null);
    assertThat(new ServeContacts(List.of(), List.of(NEW), NOW).process(entry)).isTrue();
    assertThat(entry.getValue().contacts()).containsExactly(NEW);
  }
}
