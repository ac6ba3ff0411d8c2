package io.kairos.engine.contact;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import java.util.ArrayList;
import java.util.List;

/** Compact serialization of {@link ContactHistory} as parallel arrays. */
public final class ContactHistorySerializer implements CompactSerializer<ContactHistory> {

  @Override
  public ContactHistory read(CompactReader r) {
    String[] offers = r.readArrayOfString("offers");
    String[] groups = r.readArrayOfString("groups");
    String[] channels = r.readArrayOfString("channels");
    byte[] kinds = r.readArrayOfInt8("kinds");
    long[] at = r.readArrayOfInt64("at");
    List<Contact> contacts = new ArrayList<>(offers.length);
    for (int i = 0; i < offers.length; i++) {
      contacts.add(new Contact(offers[i], groups[i], channels[i], Contact.Kind.values()[kinds[i]], at[i]));
    }
    return new ContactHistory(contacts);
  }

  @Override
  public void write(CompactWriter w, ContactHistory h) {
    int n = h.contacts().size();
    String[] offers = new String[n];
    String[] groups = new String[n];
    String[] channels = new String[n];
    byte[] kinds = new byte[n];
    long[] at = new long[n];
    for (int i = 0; i < n; i++) {
      Contact c = h.contacts().get(i);
      offers[i] = c.offerId();
      groups[i] = c.group();
      channels[i] = c.channel();
      kinds[i] = (byte) c.kind().ordinal();
      at[i] = c.at();
    }
    w.writeArrayOfString("offers", offers);
    w.writeArrayOfString("groups", groups);
    w.writeArrayOfString("channels", channels);
    w.writeArrayOfInt8("kinds", kinds);
    w.writeArrayOfInt64("at", at);
  }

  @Override
  public String getTypeName() {
    return "kairos.ContactHistory";
  }

  @Override
  public Class<ContactHistory> getCompactClass() {
    return ContactHistory.class;
  }
}
