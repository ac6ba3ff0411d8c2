package io.kairos.engine.decide;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A decision's candidates as the decision log keeps them for off-policy evaluation: one column per
 * field, packed as bytes in the {@code candidates} column beside the JSON record. Packed, a 200-offer
 * decision's candidates take about 10 KB instead of about 30 KB of JSON, cost no number formatting
 * on the request path, and read back bit for bit. Format 1: a format byte, the count (int), each
 * offer id as an unsigned-short length and UTF-8 bytes, then the five number columns in the order of
 * the record's components, each value a big-endian IEEE double. Logs written before 2026-12-03 hold
 * the candidates inside the JSON record instead; {@link #fromJson} reads both of those forms.
 */
public record LoggedCandidates(String[] offerId, double[] acceptance, double[] logitSd, double[] multiplier, double[] probability,
    double[] firstProbability) {

  private static final byte FORMAT = 1;

  public int size() {
    return offerId.length;
  }

  /** The packed form of a decision's candidates. */
  public static byte[] pack(List<DecisionCandidate> candidates) {
    int n = candidates.size();
    byte[][] ids = new byte[n][];
    int size = 1 + 4 + n * (2 + 5 * Double.BYTES);
    for (int i = 0; i < n; i++) {
      ids[i] = candidates.get(i).offerId().getBytes(StandardCharsets.UTF_8);
      if (ids[i].length > 0xFFFF) {
        throw new IllegalArgumentException("offer id longer than 65,535 bytes");
      }
      size += ids[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT).putInt(n);
    for (byte[] id : ids) {
      out.putShort((short) id.length).put(id);
    }
    for (DecisionCandidate c : candidates) {
      out.putDouble(c.acceptance());
    }
    for (DecisionCandidate c : candidates) {
      out.putDouble(c.logitSd());
    }
    for (DecisionCandidate c : candidates) {
      out.putDouble(c.multiplier());
    }
    for (DecisionCandidate c : candidates) {
      out.putDouble(c.probability());
    }
    for (DecisionCandidate c : candidates) {
      out.putDouble(c.firstProbability());
    }
    return out.array();
  }

  /** Reads the packed form; an unknown format or a truncated or overlong value is an {@link IllegalArgumentException}. */
  public static LoggedCandidates unpack(byte[] packed) {
    try {
      ByteBuffer in = ByteBuffer.wrap(packed);
      byte format = in.get();
      if (format != FORMAT) {
        throw new IllegalArgumentException("unknown candidates format " + format);
      }
      int n = in.getInt();
      if (n < 0 || n > in.remaining() / (2 + 5 * Double.BYTES)) {
        throw new IllegalArgumentException("candidates count " + n + " does not fit in " + packed.length + " bytes");
      }
      String[] ids = new String[n];
      for (int i = 0; i < n; i++) {
        byte[] id = new byte[Short.toUnsignedInt(in.getShort())];
        in.get(id);
        ids[i] = new String(id, StandardCharsets.UTF_8);
      }
      LoggedCandidates c = new LoggedCandidates(ids, doubles(in, n), doubles(in, n), doubles(in, n), doubles(in, n), doubles(in, n));
      if (in.hasRemaining()) {
        throw new IllegalArgumentException(in.remaining() + " bytes after the candidates");
      }
      return c;
    } catch (BufferUnderflowException e) {
      throw new IllegalArgumentException("candidates truncated at " + packed.length + " bytes");
    }
  }

  private static double[] doubles(ByteBuffer in, int n) {
    double[] out = new double[n];
    in.asDoubleBuffer().get(out);
    in.position(in.position() + n * Double.BYTES);
    return out;
  }

  /**
   * The candidates of a record logged before they were packed: by column ({@code {"offerId": [...],
   * "acceptance": [...], ...}}) or, in logs before that, one object per candidate. Null when absent.
   */
  public static LoggedCandidates fromJson(Object logged) {
    if (logged instanceof JsonObject columns) {
      JsonArray ids = columns.getJsonArray("offerId");
      String[] offerId = new String[ids.size()];
      for (int i = 0; i < offerId.length; i++) {
        offerId[i] = ids.getString(i);
      }
      return new LoggedCandidates(offerId, column(columns, "acceptance"), column(columns, "logitSd"), column(columns, "multiplier"),
          column(columns, "probability"), column(columns, "firstProbability"));
    }
    if (logged instanceof JsonArray rows) {
      int n = rows.size();
      LoggedCandidates c = new LoggedCandidates(new String[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
      for (int i = 0; i < n; i++) {
        JsonObject row = rows.getJsonObject(i);
        c.offerId[i] = row.getString("offerId");
        c.acceptance[i] = row.getDouble("acceptance");
        c.logitSd[i] = row.getDouble("logitSd");
        c.multiplier[i] = row.getDouble("multiplier");
        c.probability[i] = row.getDouble("probability");
        c.firstProbability[i] = row.getDouble("firstProbability");
      }
      return c;
    }
    return null;
  }

  private static double[] column(JsonObject columns, String name) {
    JsonArray values = columns.getJsonArray(name);
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.getDouble(i);
    }
    return out;
  }

  /** The by-column JSON form, as personal-data exports show it. */
  public JsonObject toJson() {
    return new JsonObject().put("offerId", new JsonArray(Arrays.asList(offerId))).put("acceptance", array(acceptance))
        .put("logitSd", array(logitSd)).put("multiplier", array(multiplier)).put("probability", array(probability))
        .put("firstProbability", array(firstProbability));
  }

  private static JsonArray array(double[] values) {
    JsonArray a = new JsonArray();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }
}
