package io.kairos.engine.decide;

import java.util.Locale;

/**
 * Numbers with a fixed count of decimals, as {@code String.format("%.Nf")} writes them (half-up),
 * without the Formatter: reasons are built for every eligible offer of every decision, and the
 * Formatter was a fifth of decide's CPU time (JFR, docs/BENCHMARKS.md).
 */
final class FixedDecimals {

  private static final long[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  private FixedDecimals() {}

  static StringBuilder append(StringBuilder out, double value, int places) {
    if (!Double.isFinite(value) || Math.abs(value) >= 1e12 || places >= SCALE.length) {
      return out.append(String.format(Locale.ROOT, "%." + places + "f", value));
    }
    long scaled = Math.round(Math.abs(value) * SCALE[places]);
    if (value < 0 && scaled != 0) {
      out.append('-');
    }
    out.append(scaled / SCALE[places]);
    if (places > 0) {
      out.append('.');
      String fraction = Long.toString(scaled % SCALE[places]);
      for (int i = fraction.length(); i < places; i++) {
        out.append('0');
      }
      out.append(fraction);
    }
    return out;
  }
}
