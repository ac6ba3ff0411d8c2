package io.kairos.engine.enrich;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Closeness to a shopping occasion, the live counterpart of the UCI data's {@code SpecialDay}: 0
 * outside the ten days before an occasion, rising to 1 three to five days before it (when gifts
 * are ordered), in steps of 0.2 like the training data. The occasions are month-days from
 * {@code models.specialDays}.
 */
public record SpecialDays(List<MonthDay> occasions) {

  public SpecialDays {
    occasions = List.copyOf(occasions);
  }

  public double closeness(long epochMillis) {
    LocalDate day = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
    double best = 0;
    for (MonthDay occasion : occasions) {
      LocalDate next = occasion.atYear(day.getYear());
      if (next.isBefore(day)) {
        next = occasion.atYear(day.getYear() + 1);
      }
      long daysAhead = ChronoUnit.DAYS.between(day, next);
      best = Math.max(best, value(daysAhead));
    }
    return best;
  }

  /** 1 at 3–5 days ahead, falling by 0.2 a day on either side; 0 from ten days ahead. */
  static double value(long daysAhead) {
    if (daysAhead >= 10) {
      return 0;
    }
    long distance = daysAhead < 3 ? 3 - daysAhead : daysAhead > 5 ? daysAhead - 5 : 0;
    return Math.max(0, Math.round((1 - 0.2 * distance) * 10) / 10.0);
  }
}
