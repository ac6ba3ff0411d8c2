package io.kairos.engine.identity;

import java.util.List;
import java.util.Locale;

/**
 * Canonical keys for identifiers: e-mails are trimmed and lower-cased; phone numbers keep a
 * leading + and their digits only (full E.164 parsing belongs to the identity-resolution work).
 * Keys look like {@code email:ann@example.com}.
 */
public final class IdentifierNormalizer {

  /** Identifier types in the order that decides which profile an event belongs to. */
  public static final List<String> PRIORITY = List.of("profileId", "userId", "crmId", "email", "phone", "deviceId", "anonymousId");

  private IdentifierNormalizer() {}

  public static String key(String type, String value) {
    return type + ":" + normalize(type, value);
  }

  public static String normalize(String type, String value) {
    String v = value.strip();
    return switch (type) {
      case "email" -> v.toLowerCase(Locale.ROOT);
      case "phone" -> (v.startsWith("+") ? "+" : "") + v.replaceAll("[^0-9]", "");
      default -> v;
    };
  }

  public static int rank(String type) {
    int i = PRIORITY.indexOf(type);
    return i < 0 ? PRIORITY.size() : i;
  }
}
