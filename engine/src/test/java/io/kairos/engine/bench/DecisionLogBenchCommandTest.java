package io.kairos.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench-decision-log} on the real store: a logged decision fills a 4 KB page alone, and 8 KB pages hold three. */
class DecisionLogBenchCommandTest {

  static JsonObject run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new DecisionLogBenchCommand()).execute(args)).isZero();
    } finally {
      System.setOut(saved);
    }
    return new JsonObject(out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void eightKilobytePagesHoldADecisionInAboutTwoThirdsOfTheBytes() {
    JsonObject small = run("--decisions", "1500", "--rate", "20000", "--rounds", "1", "--page-size", "4096");
    JsonObject large = run("--decisions", "1500", "--rate", "20000", "--rounds", "1", "--ids", "random");
    assertThat(small.getInteger("record_bytes")).isBetween(2000, 3000);
    assertThat(small.getLong("file_bytes_per_decision")).as("a whole 4 KB page per decision").isGreaterThanOrEqualTo(4096);
    assertThat(large.getLong("file_bytes_per_decision")).isLessThan(small.getLong("file_bytes_per_decision") * 3 / 4);
    assertThat(large.getDouble("writer_cpu_us_per_decision")).isPositive();
    assertThat(large.getString("command")).contains("--ids random --page-size 8192 --burst 1");
  }

  @Test
  void anUnknownIdKindIsRefused() {
    StringWriter err = new StringWriter();
    int code = new CommandLine(new DecisionLogBenchCommand()).setErr(new PrintWriter(err)).execute("--ids", "sequential");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--ids is ordered or random");
  }
}
