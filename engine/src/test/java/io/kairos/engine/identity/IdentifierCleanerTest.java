package io.kairos.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.error.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierCleanerTest {

  final IdentifierCleaner us = new IdentifierCleaner(new KairosConfig.Identity("US", List.of("loyaltyId"), 16, false, List.of("userId"), List.of("deviceId"), 50));
  final IdentifierCleaner de = new IdentifierCleaner(new KairosConfig.Identity("DE", List.of(), 16, true, List.of("userId"), List.of("deviceId"), 50));

  @Test
  void phonesInAnyCommonFormBecomeE164() {
    for (String written : List.of("(415) 555-0100", "415.555.0100", "+1 415 555 0100", "011 1 415 555 0100", "1-415-555-0100",
        " +1 (415) 555-0100 ")) {
      assertThat(us.clean("phone", written)).as(written).isEqualTo(new Identifier("phone", "+14155550100", true));
    }
    assertThat(de.clean("phone", "030 1234567").value()).isEqualTo("+49301234567");
    assertThat(de.clean("phone", "0044 20 7946 0958").value()).isEqualTo("+442079460958");
  }

  @Test
  void invalidPhonesAreKeptAsWrittenAndFlagged() {
    assertThat(us.clean("phone", " 12 ")).isEqualTo(new Identifier("phone", "12", false));
    assertThat(us.clean("phone", "call me")).isEqualTo(new Identifier("phone", "call me", false));
    assertThat(us.clean("phone", "+1 555 0100").valid()).isFalse();
  }

  @Test
  void emailsAreTrimmedAndLowerCasedButPlusTagsAndDotsKeptByDefault() {
    assertThat(us.clean("email", "  Ann.Lee+News@Example.COM ")).isEqualTo(new Identifier("email", "ann.lee+news@example.com", true));
    assertThat(us.clean("email", "a.b+x@gmail.com").value()).isEqualTo("a.b+x@gmail.com");
  }

  @Test
  void gmailCanonicalizationWhenConfigured() {
    assertThat(de.clean("email", "A.B+promo@GoogleMail.com").value()).isEqualTo("ab@gmail.com");
    assertThat(de.clean("email", "a.b+x@example.com").value()).isEqualTo("a.b+x@example.com");
    assertThat(de.clean("email", "+only@gmail.com").valid()).isFalse();
  }

  @Test
  void malformedEmailsAreFlagged() {
    for (String bad : List.of("n/a", "ann", "ann@", "@example.com", "ann@@example.com", "ann@example", "ann lee@example.com",
        "ann@exa mple.com", "ann..lee@example.com", ".ann@example.com", "ann@-example.com", "ann@example.123",
        "x".repeat(65) + "@example.com")) {
      assertThat(us.clean("email", bad).valid()).as(bad).isFalse();
      assertThat(us.clean("email", bad).value()).isEqualTo(bad.strip());
    }
    assertThat(us.clean("email", "josé@exämple.de").valid()).isTrue();
  }

  @Test
  void customTypesRankBetweenPhoneAndDevice() {
    assertThat(us.types()).containsExactly("profileId", "userId", "crmId", "email", "phone", "loyaltyId", "deviceId", "anonymousId");
    assertThat(us.knows("loyaltyId")).isTrue();
    assertThat(de.knows("loyaltyId")).isFalse();
    assertThat(us.clean("loyaltyId", "  L-7 ")).isEqualTo(new Identifier("loyaltyId", "L-7", true));
  }

  @Test
  void configRefusesBadRegionsAndTypes() {
    assertThatThrownBy(() -> new KairosConfig.Identity("Atlantis", List.of(), 16, false, List.of("userId"), List.of("deviceId"), 50)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("identity.defaultRegion");
    assertThatThrownBy(() -> new IdentifierCleaner(new KairosConfig.Identity("US", List.of("email"), 16, false, List.of("userId"), List.of("deviceId"), 50)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("built in");
    assertThatThrownBy(() -> new KairosConfig.Identity("US", List.of("Loyalty Id"), 16, false, List.of("userId"), List.of("deviceId"), 50)).isInstanceOf(ConfigException.class);
    assertThat(new KairosConfig.Identity("US", List.of("a, b"), 16, false, List.of("userId"), List.of("deviceId"), 50).customTypes()).containsExactly("a", "b");
  }
}
