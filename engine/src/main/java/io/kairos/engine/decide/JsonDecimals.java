package io.kairos.engine.decide;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes a double as a JSON number without allocating, when at most 15 significant digits read back
 * as exactly that double (trailing zeros dropped, always with a decimal point: {@code 0.93},
 * {@code 40.0}, {@code 0.03125}). Jackson builds a {@code String} for every double it writes, and a
 * decision over 200 offers writes about 1,400 of them: that was an eighth of all allocation under
 * decide load (async-profiler, docs/BENCHMARKS.md). Other values (those that need 16 or 17 digits,
 * those outside [1e-6, 1e15), non-finite ones) go to Jackson, so every value reads back exactly.
 *
 * <p>The check is exact: the digits as an integer (below 2^53) and the power of ten (at most 10^20)
 * are both exact doubles, and IEEE division rounds their quotient correctly, which is what parsing
 * the decimal text gives.
 */
final class JsonDecimals {

  private static final int DIGITS = 15;
  private static final char[] ZERO = {'0', '.', '0'};
  private static final double[] POW10 = new double[DIGITS + 7];

  static {
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = Math.pow(10, i);
    }
  }

  /** Room for the longest form, "-0." and 20 decimals. Not thread-safe: one per generator. */
  private final char[] buf = new char[32];
  private final char[] digits = new char[20];

  void write(JsonGenerator g, double v) throws IOException {
    double abs = Math.abs(v);
    if (abs == 0) {
      g.writeNumber(ZERO, 0, ZERO.length);
      return;
    }
    if (!(abs >= 1e-6 && abs < 1e15)) {
      g.writeNumber(v);
      return;
    }
    int exp = (int) Math.floor(Math.log10(abs));
    int decimals = Math.max(0, DIGITS - 1 - exp);
    long scaled = Math.round(abs * POW10[decimals]);
    if (scaled / POW10[decimals] != abs) {
      // Fifteen digits do not read back as this double: Jackson writes the shortest form that does.
      g.writeNumber(v);
      return;
    }
    int n = 0;
    do {
      digits[n++] = (char) ('0' + scaled % 10);
      scaled /= 10;
    } while (scaled > 0);
    // digits holds the number reversed; the last `decimals` of them (first in this array) are the fraction.
    int len = 0;
    if (v < 0) {
      buf[len++] = '-';
    }
    if (n <= decimals) {
      buf[len++] = '0';
    } else {
      for (int i = n - 1; i >= decimals; i--) {
        buf[len++] = digits[i];
      }
    }
    buf[len++] = '.';
    int fractionStart = len;
    for (int i = decimals - 1; i >= 0; i--) {
      buf[len++] = i < n ? digits[i] : '0';
    }
    while (len > fractionStart + 1 && buf[len - 1] == '0') {
      len--;
    }
    if (len == fractionStart) {
      buf[len++] = '0';
    }
    g.writeNumber(buf, 0, len);
  }
}
