package io.kairos.engine.ingest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts Vert.x JSON trees to plain maps and lists with integral numbers as Long (as CEL expects). */
public final class JsonValues {

  private JsonValues() {}

  public static Map<String, Object> plainMap(JsonObject json) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : json) {
      out.put(e.getKey(), plain(e.getValue()));
    }
    return out;
  }

  public static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      return plainMap(o);
    }
    if (value instanceof Map<?, ?> m) {
      return plainMap(new JsonObject(castMap(m)));
    }
    if (value instanceof JsonArray a) {
      List<Object> list = new ArrayList<>(a.size());
      for (Object v : a) {
        list.add(plain(v));
      }
      return list;
    }
    if (value instanceof List<?> l) {
      return plain(new JsonArray(new ArrayList<>(l)));
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof java.math.BigInteger || value instanceof java.math.BigDecimal) {
      return ((Number) value).doubleValue();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
