package io.kairos.engine.profile;

import java.time.Instant;

/**
 * An instant in epoch milliseconds written as {@link Instant#toString()} writes it
 * ({@code 2026-12-03T09:21:17.700Z}; no fraction when the milliseconds are 0), into a caller's
 * {@code char[]} without allocating. Profile lookups write a dozen timestamps per answer, and
 * {@code Instant.toString} was 12% of the lookup handler's time. Years outside 0000–9999 (which
 * {@code Instant} writes with a sign) are left to {@code Instant}.
 */
final class IsoMillis {

  /** Room for the longest form, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
  static final int MAX_CHARS = 24;
  private static final long MILLIS_PER_DAY = 86_400_000L;
  /** 0000-01-01 and 10000-01-01 in epoch milliseconds. */
  private static final long MIN = -62_167_219_200_000L;
  private static final long MAX_EXCLUSIVE = 253_402_300_800_000L;

  private IsoMillis() {}

  /** Writes the instant into {@code out} from index 0 and returns its length, or -1 when the year needs {@link Instant}. */
  static int format(long epochMillis, char[] out) {
    if (epochMillis < MIN || epochMillis >= MAX_EXCLUSIVE) {
      return -1;
    }
    long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
    // Days to a proleptic Gregorian date (H. Hinnant, "chrono-compatible low-level date algorithms").
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    int dayOfEra = (int) (z - era * 146_097);
    int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    int mp = (5 * dayOfYear + 2) / 153;
    int day = dayOfYear - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = (int) (yearOfEra + era * 400) + (month <= 2 ? 1 : 0);
    two(out, 0, year / 100);
    two(out, 2, year % 100);
    out[4] = '-';
    two(out, 5, month);
    out[7] = '-';
    two(out, 8, day);
    out[10] = 'T';
    int seconds = millisOfDay / 1000;
    two(out, 11, seconds / 3600);
    out[13] = ':';
    two(out, 14, seconds / 60 % 60);
    out[16] = ':';
    two(out, 17, seconds % 60);
    int millis = millisOfDay % 1000;
    int n = 19;
    if (millis != 0) {
      out[n++] = '.';
      out[n++] = (char) ('0' + millis / 100);
      two(out, n, millis % 100);
      n += 2;
    }
    out[n++] = 'Z';
    return n;
  }

  private static void two(char[] out, int at, int value) {
    out[at] = (char) ('0' + value / 10);
    out[at + 1] = (char) ('0' + value % 10);
  }
}
