package io.kairos.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.TestEngines;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench-decide-rate --port} measures only an engine that serves the synthetic catalog it was asked for. */
class DecideRateCommandTest {

  @TempDir Path dir;

  @Test
  void anEngineWithAnotherCatalogIsRefusedAndTheRightOneIsMeasured() throws Exception {
    try (TestEngines.Running shipped = TestEngines.start(dir.resolve("a"))) {
      StringWriter err = new StringWriter();
      int code = DecideRateCommand.cli().setErr(new PrintWriter(err)).execute("--port", Integer.toString(shipped.port()), "--duration", "1");
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("not the synthetic catalog of 200");
    }
    Path catalog = SyntheticCatalog.writeYaml(30, 5, dir.resolve("offers.yaml"));
    try (TestEngines.Running synthetic = TestEngines.start(dir.resolve("b"), Map.of("decide.offersFile", catalog.toString()))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PrintStream saved = System.out;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int code;
      try {
        code = DecideRateCommand.cli().execute("--port", Integer.toString(synthetic.port()), "--offers", "30", "--eligible", "5",
            "--profiles", "20", "--duration", "1", "--warmup", "0", "--fractions", "0.25");
      } finally {
        System.setOut(saved);
      }
      assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
      JsonObject report = new JsonObject(out.toString(StandardCharsets.UTF_8));
      assertThat(report.getInteger("eligible")).isEqualTo(5);
      assertThat(report.getJsonObject("peak").getLong("answered")).isPositive();
      assertThat(report.getJsonObject("peak").getLong("errors")).isZero();

      // Fixed rates only: no peak is measured or reported.
      out.reset();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      try {
        code = DecideRateCommand.cli().execute("--port", Integer.toString(synthetic.port()), "--offers", "30", "--eligible", "5",
            "--profiles", "20", "--duration", "1", "--warmup", "0", "--rates", "20", "--no-peak");
      } finally {
        System.setOut(saved);
      }
      assertThat(code).isZero();
      JsonObject ratesOnly = new JsonObject(out.toString(StandardCharsets.UTF_8));
      assertThat(ratesOnly.containsKey("peak")).isFalse();
      assertThat(ratesOnly.getJsonArray("fixed_rate").getJsonObject(0).getLong("answered")).isPositive();
      assertThat(ratesOnly.getJsonArray("fixed_rate").getJsonObject(0).getValue("of_peak")).isNull();
      assertThat(DecideRateCommand.cli().execute("--port", Integer.toString(synthetic.port()), "--no-peak"))
          .as("--no-peak without --rates").isEqualTo(2);
    }
  }
}
