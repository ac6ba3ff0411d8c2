package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FixedDecimalsTest {

  static String fixed(double v, int places) {
    return FixedDecimals.append(new StringBuilder(), v, places).toString();
  }

  @Test
  void writesWhatTheFormatterWrites() {
    assertThat(fixed(0.967, 3)).isEqualTo("0.967");
    assertThat(fixed(40, 2)).isEqualTo("40.00");
    assertThat(fixed(38.6905, 4)).isEqualTo("38.6905");
    assertThat(fixed(0.0004, 3)).isEqualTo("0.000");
    assertThat(fixed(-0.0004, 3)).isEqualTo("0.000");
    assertThat(fixed(-2.5, 2)).isEqualTo("-2.50");
    assertThat(fixed(1.05, 0)).isEqualTo("1");
    assertThat(fixed(Double.NaN, 2)).isEqualTo("NaN");
    assertThat(fixed(1e15, 2)).isEqualTo(String.format(Locale.ROOT, "%.2f", 1e15));
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      double v = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(7));
      int places = random.nextInt(5);
      String expected = String.format(Locale.ROOT, "%." + places + "f", v);
      String actual = fixed(v, places);
      if (!actual.equals(expected)) { // only a value within rounding noise of a half may round the other way
        assertThat(Double.parseDouble(actual)).as("%s vs %s", actual, expected)
            .isCloseTo(Double.parseDouble(expected), within(1.0001 / Math.pow(10, places)));
      }
    }
  }
}
