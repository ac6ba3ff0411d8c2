package io.kairos.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProfileCodecTest {

  private static final long T = 1_764_000_000_000L;

  /** The shape of bin/kairos bench-memory's profiles: three identifiers, two traits, six interactions, a propensity and a session. */
  static Profile benchShaped() {
    Map<String, Long> types = new LinkedHashMap<>();
    types.put("identify", 1L);
    types.put("page_view", 1L);
    types.put("product_view", 2L);
    types.put("add_to_cart", 1L);
    types.put("purchase", 1L);
    List<Interaction> recent = List.of(new Interaction("purchase", "web", T, null),
        new Interaction("add_to_cart", "web", T - 80_000, "productId=sku-1234"),
        new Interaction("product_view", "web", T - 110_000, "productId=sku-2345"),
        new Interaction("product_view", "web", T - 160_000, "productId=sku-1234"), new Interaction("page_view", "web", T - 190_000, null),
        new Interaction("identify", "web", T - 200_000, null));
    return new Profile(UUID.randomUUID().toString(), List.of("anonymousId:anon-123456", "userId:user-123456", "email:person123456@example.com"),
        List.of(), T - 200_000, T, 6, types, Map.of("web", 6L), List.of(), 1, 55, T, Map.of("name", "\"Person 123456\"", "tier", "\"standard\""),
        Map.of("name", new TraitOrigin("web", T - 200_000), "tier", new TraitOrigin("web", T - 200_000)), SentimentState.NONE,
        new PropensityState(0.92, "propensity@20261123T154122817", T + 35, 6, "PageValues +4.22, VisitorType +0.46, ProductRelated +0.44"),
        new SessionState(T - 200_000, T, 1, 0, 0, 0, 0, 4, 190.0, 0, "product_related", 0, 5, "direct"), recent, Map.of(), null);
  }

  /** Every field set, with values the dictionary does not know, non-UUID ids, unicode and extremes. */
  static Profile everything() {
    return new Profile("crm-42", List.of("loyaltyId:L-9", "phone:+40721000000", "noColonAtAll", "email::odd@example.com"),
        List.of("email:not-an-email"), 0, T, Long.MAX_VALUE, Map.of("custom_kind", 3L, "review", -1L), Map.of("kiosk", 2L),
        List.of(new CartItem("sku-é", 2, 19.99), new CartItem("", -1, -0.0)), 7, 1234.5, T - 1, Map.of("名前", "\"山田\"", "vip", "true",
        "empty", "\"\""), Map.of("名前", new TraitOrigin(null, T + 5), "vip", new TraitOrigin("crm", 0)),
        new SentimentState(-0.75, "negative", "ar", -0.2, 3, T - 10, Map.of("call_center", -0.5, "web", 0.25), T - 10, "call_center",
            "مرحبا 😀 bad service"),
        new PropensityState(Double.NaN, null, Long.MIN_VALUE + 1, -1, ""), new SessionState(1, 2, Integer.MAX_VALUE, Integer.MIN_VALUE, 1.5,
            3, Double.POSITIVE_INFINITY, 4, 5.5, 6.5, null, 7, 8, "newsletter-x"),
        List.of(new Interaction("custom_kind", "kiosk", -5, null), new Interaction("review", null, 0, ""),
            new Interaction("review", "web", T, "lone \ud800 surrogate, reversed pair \udc00\ud800, and at the end \udbff")),
        Map.of("marketing_email", new Consent("granted", "web", T), "custom_purpose", new Consent("denied", null, 0)), null);
  }

  @Test
  void aProfileReadsBackEqual() throws IOException {
    for (Profile p : List.of(benchShaped(), everything(), Profile.empty("x"), Profile.tombstone(UUID.randomUUID().toString(),
        UUID.randomUUID().toString()), Profile.tombstone("a", "b"))) {
      assertThat(roundTrip(p)).isEqualTo(p);
    }
  }

  @Test
  void aSixEventProfileTakesAThirdOfItsCompactSize() throws IOException {
    // 1,135 bytes as 65 named Compact fields (Hazelcast 5.7, measured 2026-12-03).
    assertThat(encode(benchShaped()).length).isLessThan(400);
    assertThat(encode(Profile.empty(UUID.randomUUID().toString())).length).isLessThanOrEqualTo(40);
  }

  @Test
  void uppercaseUuidsAreKeptAsWritten() throws IOException {
    String upper = UUID.randomUUID().toString().toUpperCase();
    assertThat(roundTrip(Profile.empty(upper)).profileId()).isEqualTo(upper);
  }

  @Test
  void truncatedOrForeignBytesFailWithAnIoException() throws IOException {
    byte[] whole = encode(everything());
    for (int cut = 0; cut < whole.length; cut++) {
      byte[] part = Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> decode(part)).isInstanceOf(IOException.class);
    }
    byte[] otherVersion = whole.clone();
    otherVersion[0] = 9;
    assertThatThrownBy(() -> decode(otherVersion)).hasMessageContaining("version 9");
  }

  @Test
  void hostileCountsAndLengthsAreRefusedBeforeAllocating() {
    // version, flags, literal id "a", lastSeen 0, firstSeen 0, eventCount 0, then an identifier count of 2^62
    byte[] hugeCount = {1, 0, 0, 6, 'a', 0, 0, 0, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, (byte) 0x80, 0x40};
    assertThatThrownBy(() -> decode(hugeCount)).isInstanceOf(IOException.class).hasMessageContaining("count");
    // a literal id claiming 2^40 bytes
    byte[] hugeText = {1, 0, 0, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x40};
    assertThatThrownBy(() -> decode(hugeText)).isInstanceOf(IOException.class).hasMessageContaining("bytes");
    byte[] unknownWord = {1, 0, 0, (byte) 0xFF, 0x7F};
    assertThatThrownBy(() -> decode(unknownWord)).isInstanceOf(IOException.class).hasMessageContaining("dictionary word");
  }

  @Test
  void everyJavaStringReadsBackAsItWas() throws IOException {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 2_000; i++) {
      char[] chars = new char[random.nextInt(12)];
      for (int c = 0; c < chars.length; c++) {
        chars[c] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
      }
      String text = new String(chars);
      Profile p = Profile.empty("p").withPropensity(new PropensityState(0.5, text, T, 1, text));
      assertThat(roundTrip(p).propensity().drivers()).isEqualTo(text);
    }
  }

  @Test
  void theDictionaryHasNoDuplicates() {
    assertThat(ProfileCodec.WORDS).doesNotHaveDuplicates();
  }

  static byte[] encode(Profile p) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProfileCodec.write(new DataOutputStream(bytes), p);
    return bytes.toByteArray();
  }

  static Profile decode(byte[] bytes) throws IOException {
    return ProfileCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
  }

  private static Profile roundTrip(Profile p) throws IOException {
    return decode(encode(p));
  }
}
