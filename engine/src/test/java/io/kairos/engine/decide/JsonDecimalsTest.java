package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonDecimalsTest {

  private static String written(double v) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      new JsonDecimals().write(g, v);
    }
    return out.toString();
  }

  @Test
  void shortValuesAreWrittenAsTheyReadAndAlwaysAsDecimals() throws IOException {
    assertThat(written(0.93)).isEqualTo("0.93");
    assertThat(written(40.0)).isEqualTo("40.0");
    assertThat(written(-0.5)).isEqualTo("-0.5");
    assertThat(written(0.0)).isEqualTo("0.0");
    assertThat(written(-0.0)).isEqualTo("0.0");
    assertThat(written(0.07)).isEqualTo("0.07");
    assertThat(written(123456.789)).isEqualTo("123456.789");
    assertThat(written(0.000001234)).isEqualTo("0.000001234");
    assertThat(written(0.03125)).isEqualTo("0.03125");
    assertThat(written(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(written(0.9999999999999999)).isEqualTo("0.9999999999999999");
    assertThat(written(0.99999999999999995)).isEqualTo("1.0");
    assertThat(written(999999999999999.0)).isEqualTo("999999999999999.0");
  }

  @Test
  void valuesOutsideTheFixedRangeAndNonFiniteOnesAreLeftToJackson() throws IOException {
    assertThat(Double.parseDouble(written(1e-7))).isEqualTo(1e-7);
    assertThat(Double.parseDouble(written(-3.5e20))).isEqualTo(-3.5e20);
    assertThat(written(Double.NaN)).isEqualTo("\"NaN\"");
  }

  @Test
  void everyValueReadsBackExactly() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double v = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-8, 16)) * random.nextDouble();
      String text = written(v);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
      double rounded = Math.round(v * 1e4) / 1e4;
      assertThat(Double.parseDouble(written(rounded))).isEqualTo(rounded);
      assertThat(text).as(text).matches("-?\\d+\\.\\d+|-?\\d\\.\\d+E-?\\d+");
    }
  }
}
