package io.kairos.engine.ingest;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.error.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Cleans the traits an event sets: strings are trimmed and length-checked; declared traits must
 * have their declared type, with the usual form-field spellings accepted ({@code "41"} for a
 * number, {@code "true"} for a boolean, an ISO date or date-time for a date). A trait that cannot
 * be read as its type is refused with its field, never stored wrong.
 */
public final class TraitCleaner {

  private final Map<String, String> types;
  private final int maxStringChars;

  public TraitCleaner(KairosConfig.Traits config) {
    this.types = config.types();
    this.maxStringChars = config.maxStringChars();
  }

  /** @param path JSON path of the traits object, for error messages (e.g. {@code batch[2].traits}) */
  public Map<String, Object> clean(Map<String, Object> traits, String path) {
    if (traits.isEmpty()) {
      return traits;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    traits.forEach((name, value) -> out.put(name, clean(name, value, path + "." + name)));
    return out;
  }

  private Object clean(String name, Object value, String field) {
    Object v = value instanceof String s ? s.strip() : value;
    if (v instanceof String s && s.length() > maxStringChars) {
      throw invalid("trait strings are at most " + maxStringChars + " characters", field);
    }
    String type = types.get(name);
    if (type == null || v == null) {
      return v;
    }
    return switch (type) {
      case "number" -> number(v, field);
      case "boolean" -> bool(v, field);
      case "date" -> date(v, field);
      default -> v instanceof Number || v instanceof Boolean ? String.valueOf(v) : requireString(v, field, "a string");
    };
  }

  private static Object number(Object v, String field) {
    if (v instanceof Number) {
      return v;
    }
    if (v instanceof String s) {
      try {
        double d = Double.parseDouble(s);
        if (Double.isFinite(d)) {
          return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
    }
    throw invalid("trait is declared a number; got " + describe(v), field);
  }

  private static Object bool(Object v, String field) {
    if (v instanceof Boolean) {
      return v;
    }
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
    }
    throw invalid("trait is declared a boolean; got " + describe(v), field);
  }

  private static Object date(Object v, String field) {
    String s = requireString(v, field, "a date (2026-11-23 or an ISO-8601 date-time)");
    try {
      return LocalDate.parse(s).toString();
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(s).toLocalDate().toString();
      } catch (DateTimeParseException e) {
        throw invalid("trait is declared a date (2026-11-23 or an ISO-8601 date-time); got " + describe(v), field);
      }
    }
  }

  private static String requireString(Object v, String field, String expected) {
    if (v instanceof String s) {
      return s;
    }
    throw invalid("trait is declared " + expected + "; got " + describe(v), field);
  }

  private static String describe(Object v) {
    String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private static InvalidInputException invalid(String message, String field) {
    return new InvalidInputException("invalid_trait", message, field);
  }
}
