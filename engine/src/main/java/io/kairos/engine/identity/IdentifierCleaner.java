package io.kairos.engine.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Knows the identifier types and puts values in canonical form: phone numbers in E.164 (parsed by
 * libphonenumber, national numbers read in the configured default region), e-mail addresses
 * trimmed and lower-cased (and Gmail dots and plus-tags removed when configured), anything else
 * trimmed. Thread-safe and side-effect free.
 */
public final class IdentifierCleaner {

  /** Built-in types, strongest first: the strongest identifier of an event picks its profile. */
  public static final List<String> BUILT_IN = List.of("profileId", "userId", "crmId", "email", "phone", "deviceId", "anonymousId");
  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_DOMAIN = 253;

  private final List<String> ranked;
  private final List<String> exclusive;
  private final List<String> neverMerge;
  private final String defaultRegion;
  private final boolean canonicalizeGmail;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  public IdentifierCleaner(KairosConfig.Identity config) {
    for (String custom : config.customTypes()) {
      if (BUILT_IN.contains(custom)) {
        throw new ConfigException("identity.customTypes: " + custom + " is built in already", "identity.customTypes");
      }
    }
    List<String> all = new ArrayList<>(BUILT_IN.subList(0, BUILT_IN.indexOf("deviceId")));
    all.addAll(config.customTypes());
    all.add("deviceId");
    all.add("anonymousId");
    this.ranked = List.copyOf(all);
    for (String exclusive : config.exclusiveTypes()) {
      if (!ranked.contains(exclusive) || exclusive.equals("profileId")) {
        throw new ConfigException("identity.exclusiveTypes: " + exclusive + " is not an identifier type (or is profileId)",
            "identity.exclusiveTypes");
      }
    }
    this.exclusive = List.copyOf(config.exclusiveTypes());
    this.neverMerge = List.copyOf(config.neverMergeTypes());
    this.defaultRegion = config.defaultRegion();
    this.canonicalizeGmail = config.canonicalizeGmail();
  }

  /** Every known type, strongest first (custom types rank after phone and before deviceId). */
  public List<String> types() {
    return ranked;
  }

  /** Types a profile holds at most one value of. */
  public boolean isExclusive(String type) {
    return exclusive.contains(type);
  }

  /** Types that never merge profiles: they pick an event's profile only when no other identifier does. */
  public boolean isNeverMerge(String type) {
    return neverMerge.contains(type);
  }

  public List<String> exclusiveTypes() {
    return exclusive;
  }

  public boolean knows(String type) {
    return ranked.contains(type);
  }

  /** Position in {@link #types()}; unknown types sort last. */
  public int rank(String type) {
    int i = ranked.indexOf(type);
    return i < 0 ? ranked.size() : i;
  }

  /** Cleans a value of a known type; the caller has checked {@link #knows}. */
  public Identifier clean(String type, String raw) {
    String v = raw.strip();
    return switch (type) {
      case "email" -> email(v);
      case "phone" -> phone(v);
      default -> new Identifier(type, v, true);
    };
  }

  private Identifier phone(String v) {
    try {
      PhoneNumber number = phones.parse(v, defaultRegion);
      if (phones.isValidNumber(number)) {
        return new Identifier("phone", phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), true);
      }
    } catch (NumberParseException e) {
      // not a phone number: kept as written, flagged below
    }
    return new Identifier("phone", v, false);
  }

  private Identifier email(String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    int at = lower.lastIndexOf('@');
    if (at != lower.indexOf('@') || !validEmail(lower, at)) {
      return new Identifier("email", v, false);
    }
    String local = lower.substring(0, at);
    String domain = lower.substring(at + 1);
    if (canonicalizeGmail && (domain.equals("gmail.com") || domain.equals("googlemail.com"))) {
      int plus = local.indexOf('+');
      local = (plus < 0 ? local : local.substring(0, plus)).replace(".", "");
      domain = "gmail.com";
      if (local.isEmpty()) {
        return new Identifier("email", v, false);
      }
    }
    return new Identifier("email", local + "@" + domain, true);
  }

  /** A practical address check: one @, a plausible local part, a domain of dotted DNS labels. */
  private static boolean validEmail(String s, int at) {
    if (at < 1 || at > MAX_LOCAL_PART || s.length() - at - 1 > MAX_DOMAIN) {
      return false;
    }
    for (int i = 0; i < at; i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '"' || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>'
          || c == '[' || c == ']' || c == '\\') {
        return false;
      }
    }
    String local = s.substring(0, at);
    if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
      return false;
    }
    String[] labels = s.substring(at + 1).split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '-')) {
          return false;
        }
      }
    }
    return !Character.isDigit(labels[labels.length - 1].charAt(0));
  }
}
