package io.kairos.engine.profile;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored form of a {@link Profile}: a version byte, then its fields in a fixed order, with
 * varints for counts and counters, times as differences from {@code lastSeen}, UUID profile ids as
 * 16 bytes, the common words of a profile (event kinds, channels, identifier types, consent purposes…)
 * as one byte, and the sentiment, propensity and session states only when set. A six-event profile
 * takes about 380 bytes here against 1,135 as 65 named Compact fields (docs/BENCHMARKS.md), and reading it
 * looks nothing up by name.
 *
 * <p>{@link #WORDS} is append-only: a word's position is its code. Changing the layout means a new
 * {@link #VERSION} (snapshots name it in their format, so an older snapshot is replayed, not misread).
 */
public final class ProfileCodec {

  public static final int VERSION = 1;

  /** Append only. */
  static final List<String> WORDS = List.of(
      // event kinds
      "page_view", "product_view", "add_to_cart", "remove_from_cart", "purchase", "email_open", "email_click", "review",
      "social_comment", "support_ticket", "call_note", "email_reply", "identify",
      // channels, traffic sources, page kinds
      "web", "mobile", "app", "email", "sms", "call_center", "store", "social", "chat", "direct", "paid", "search", "referral",
      "administrative", "informational", "product_related",
      // identifier types
      "profileId", "userId", "crmId", "phone", "deviceId", "anonymousId",
      // consent
      "personalization", "marketing_email", "marketing_sms", "analytics", "data_sharing", "granted", "denied", "default", "api",
      // sentiment
      "negative", "neutral", "positive", "en", "ru", "zh", "ar", "ro", "fr", "de", "es", "it", "pt", "hi");

  private static final Map<String, Integer> CODES = codes();
  private static final int MAX_ENTRIES = 1 << 20;
  private static final int SENTIMENT = 1;
  private static final int PROPENSITY = 2;
  private static final int SESSION = 4;
  private static final int MERGED = 8;

  private ProfileCodec() {}

  public static void write(DataOutput out, Profile p) throws IOException {
    PackedWriter w = new PackedWriter(out, CODES);
    w.rawByte(VERSION);
    int flags = (p.sentiment().equals(SentimentState.NONE) ? 0 : SENTIMENT) | (p.propensity().equals(PropensityState.NONE) ? 0 : PROPENSITY)
        | (p.session().equals(SessionState.NONE) ? 0 : SESSION) | (p.mergedInto() == null ? 0 : MERGED);
    w.rawByte(flags);
    id(w, p.profileId());
    long base = p.lastSeen();
    w.signed(base);
    time(w, base, p.firstSeen());
    w.signed(p.eventCount());
    identifiers(w, p.identifiers());
    identifiers(w, p.invalidIdentifiers());
    counts(w, p.eventCounts());
    counts(w, p.channelCounts());
    w.unsigned(p.cart().size());
    for (CartItem item : p.cart()) {
      w.text(item.productId());
      w.signed(item.quantity());
      w.number(item.price());
    }
    w.signed(p.purchaseCount());
    w.number(p.purchaseTotal());
    time(w, base, p.lastPurchaseAt());
    w.unsigned(p.traits().size());
    for (Map.Entry<String, String> t : p.traits().entrySet()) {
      w.text(t.getKey());
      w.text(t.getValue());
      TraitOrigin origin = p.traitOrigins().get(t.getKey());
      w.flag(origin != null);
      if (origin != null) {
        w.text(origin.source());
        time(w, base, origin.at());
      }
    }
    w.unsigned(p.recent().size());
    for (Interaction i : p.recent()) {
      w.text(i.type());
      w.text(i.channel());
      time(w, base, i.timestamp());
      w.text(i.summary());
    }
    w.unsigned(p.consents().size());
    for (Map.Entry<String, Consent> c : p.consents().entrySet()) {
      w.text(c.getKey());
      w.text(c.getValue().status());
      w.text(c.getValue().source());
      time(w, base, c.getValue().at());
    }
    if ((flags & SENTIMENT) != 0) {
      StateCodec.writeSentiment(w, base, p.sentiment());
    }
    if ((flags & PROPENSITY) != 0) {
      StateCodec.writePropensity(w, base, p.propensity());
    }
    if ((flags & SESSION) != 0) {
      StateCodec.writeSession(w, base, p.session());
    }
    if ((flags & MERGED) != 0) {
      id(w, p.mergedInto());
    }
  }

  public static Profile read(DataInput in) throws IOException {
    PackedReader r = new PackedReader(in, WORDS);
    int version = r.rawByte();
    if (version != VERSION) {
      throw new IOException("profile encoded with version " + version + ", this build reads " + VERSION);
    }
    int flags = r.rawByte();
    String profileId = id(r);
    long base = r.signed();
    long firstSeen = time(r, base);
    long eventCount = r.signed();
    List<String> identifiers = identifiers(r);
    List<String> invalid = identifiers(r);
    Map<String, Long> eventCounts = counts(r);
    Map<String, Long> channelCounts = counts(r);
    int n = r.count(MAX_ENTRIES);
    List<CartItem> cart = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cart.add(new CartItem(r.text(), r.signed(), r.number()));
    }
    long purchaseCount = r.signed();
    double purchaseTotal = r.number();
    long lastPurchaseAt = time(r, base);
    n = r.count(MAX_ENTRIES);
    Map<String, String> traits = new HashMap<>();
    Map<String, TraitOrigin> origins = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String key = r.text();
      traits.put(key, r.text());
      if (r.flag()) {
        origins.put(key, new TraitOrigin(r.text(), time(r, base)));
      }
    }
    n = r.count(MAX_ENTRIES);
    List<Interaction> recent = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      recent.add(new Interaction(r.text(), r.text(), time(r, base), r.text()));
    }
    n = r.count(MAX_ENTRIES);
    Map<String, Consent> consents = new HashMap<>();
    for (int i = 0; i < n; i++) {
      consents.put(r.text(), new Consent(r.text(), r.text(), time(r, base)));
    }
    SentimentState sentiment = (flags & SENTIMENT) != 0 ? StateCodec.readSentiment(r, base) : SentimentState.NONE;
    PropensityState propensity = (flags & PROPENSITY) != 0 ? StateCodec.readPropensity(r, base) : PropensityState.NONE;
    SessionState session = (flags & SESSION) != 0 ? StateCodec.readSession(r, base) : SessionState.NONE;
    String mergedInto = (flags & MERGED) != 0 ? id(r) : null;
    return new Profile(profileId, identifiers, invalid, firstSeen, base, eventCount, eventCounts, channelCounts, cart, purchaseCount,
        purchaseTotal, lastPurchaseAt, traits, origins, sentiment, propensity, session, recent, consents, mergedInto);
  }

  /** A time as its difference from {@code base} (0, "never", stays 0). */
  static void time(PackedWriter w, long base, long t) throws IOException {
    w.unsigned(t == 0 ? 0 : PackedWriter.zigzag(t - base) + 1);
  }

  static long time(PackedReader r, long base) throws IOException {
    long v = r.unsigned();
    return v == 0 ? 0 : base + PackedReader.unzigzag(v - 1);
  }

  /** A canonical lowercase UUID as 16 bytes, anything else as text. */
  private static void id(PackedWriter w, String id) throws IOException {
    UUID uuid = uuidOrNull(id);
    w.rawByte(uuid != null ? 1 : 0);
    if (uuid != null) {
      w.rawLong(uuid.getMostSignificantBits());
      w.rawLong(uuid.getLeastSignificantBits());
    } else {
      w.text(id);
    }
  }

  private static String id(PackedReader r) throws IOException {
    return r.rawByte() == 1 ? new UUID(r.rawLong(), r.rawLong()).toString() : r.text();
  }

  private static UUID uuidOrNull(String id) {
    if (id == null || id.length() != 36) {
      return null;
    }
    try {
      UUID u = UUID.fromString(id);
      return u.toString().equals(id) ? u : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code type:value} with the type as a dictionary word where it is one. */
  private static void identifiers(PackedWriter w, List<String> ids) throws IOException {
    w.unsigned(ids.size());
    for (String id : ids) {
      int colon = id.indexOf(':');
      w.text(colon < 0 ? null : id.substring(0, colon));
      w.text(colon < 0 ? id : id.substring(colon + 1));
    }
  }

  private static List<String> identifiers(PackedReader r) throws IOException {
    int n = r.count(MAX_ENTRIES);
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String type = r.text();
      String value = r.text();
      ids.add(type == null ? value : type + ":" + value);
    }
    return ids;
  }

  private static void counts(PackedWriter w, Map<String, Long> counts) throws IOException {
    w.unsigned(counts.size());
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      w.text(e.getKey());
      w.signed(e.getValue());
    }
  }

  private static Map<String, Long> counts(PackedReader r) throws IOException {
    int n = r.count(MAX_ENTRIES);
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(r.text(), r.signed());
    }
    return out;
  }

  private static Map<String, Integer> codes() {
    Map<String, Integer> codes = new HashMap<>();
    for (int i = 0; i < WORDS.size(); i++) {
      if (codes.put(WORDS.get(i), i) != null) {
        throw new IllegalStateException("duplicate word " + WORDS.get(i));
      }
    }
    return Map.copyOf(codes);
  }
}
