package io.kairos.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoMillisTest {

  private static String format(long millis) {
    char[] out = new char[IsoMillis.MAX_CHARS];
    int n = IsoMillis.format(millis, out);
    return n < 0 ? null : new String(out, 0, n);
  }

  @Test
  void writesWhatInstantWritesAtTheEdges() {
    long[] edges = {0, 1, -1, 999, 1000, -1000, 86_399_999, 86_400_000, 951_782_400_000L /* 2000-02-29 */, 951_868_799_999L,
        4_107_542_400_000L /* 2100-03-01 */, -2_208_988_800_000L /* 1900-01-01 */, -62_167_219_200_000L /* 0000-01-01 */,
        253_402_300_799_999L /* 9999-12-31T23:59:59.999 */, 1_796_290_877_700L};
    for (long millis : edges) {
      assertThat(format(millis)).as("%d", millis).isEqualTo(Instant.ofEpochMilli(millis).toString());
    }
  }

  @Test
  void writesWhatInstantWritesForAMillionRandomInstants() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 1_000_000; i++) {
      long millis = random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L);
      if (i % 3 == 0) {
        millis -= Math.floorMod(millis, 1000); // whole seconds: no fraction
      }
      String expected = Instant.ofEpochMilli(millis).toString();
      String actual = format(millis);
      if (!expected.equals(actual)) {
        assertThat(actual).as("%d", millis).isEqualTo(expected);
      }
    }
  }

  @Test
  void leavesYearsOutside0000To9999ToInstant() {
    assertThat(IsoMillis.format(253_402_300_800_000L, new char[IsoMillis.MAX_CHARS])).isEqualTo(-1);
    assertThat(IsoMillis.format(-62_167_219_200_001L, new char[IsoMillis.MAX_CHARS])).isEqualTo(-1);
    assertThat(IsoMillis.format(Long.MIN_VALUE, new char[IsoMillis.MAX_CHARS])).isEqualTo(-1);
  }
}
