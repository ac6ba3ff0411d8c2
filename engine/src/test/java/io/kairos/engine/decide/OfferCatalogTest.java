package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairos.engine.TestEngines;
import io.kairos.engine.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfferCatalogTest {

  @Test
  void loadsTheShippedCatalog() {
    OfferCatalog catalog = OfferCatalog.load(TestEngines.home().resolve("config/offers.yaml"));
    assertThat(catalog.offers()).extracting(Offer::id).contains("cart-saver-10", "win-back-call", "bestsellers");
  }

  @Test
  void aConditionThatDoesNotCompileIsRejectedWithItsPosition(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("offers.yaml");
    Files.writeString(file, """
        offers:
          - id: broken
            name: Broken
            channels: [web]
            value: 1
            conditions:
              - "profile.cartValue > "
        """);
    assertThatThrownBy(() -> OfferCatalog.load(file)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("broken").hasMessageContaining("1:")
        .extracting(e -> ((ConfigException) e).field()).isEqualTo("offers[0].conditions[0]");
  }

  @Test
  void aNonBooleanConditionAndDuplicateIdsAreRejected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("offers.yaml");
    Files.writeString(file, """
        offers:
          - id: a
            name: A
            channels: [web]
            value: 1
            conditions: ["profile.cartValue + 1.0"]
        """);
    assertThatThrownBy(() -> OfferCatalog.load(file)).isInstanceOf(ConfigException.class).hasMessageContaining("condition 0");
    Files.writeString(file, """
        offers:
          - {id: a, name: A, channels: [web], value: 1}
          - {id: a, name: B, channels: [web], value: 2}
        """);
    assertThatThrownBy(() -> OfferCatalog.load(file)).hasMessageContaining("duplicate offer id a");
  }
}
