package io.kairos.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.config.KairosConfig;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The profile view written as streamed JSON text: every section, nulls where nothing is known, traits copied as JSON. */
class ProfileJsonTest {

  static final KairosConfig.ConsentPolicy POLICY = new KairosConfig.ConsentPolicy(Map.of("personalization", "granted",
      "marketing_email", "denied", "marketing_sms", "denied", "analytics", "granted", "data_sharing", "denied"), Map.of());

  @Test
  void everySectionOfAFullProfile() {
    Profile p = new Profile("p-1", List.of("userId:u-1", "email:a@b.c", "anonymousId:c-1", "anonymousId:c-2"), List.of("phone:12"), 1_000,
        2_000, 3, Map.of("page_view", 2L, "purchase", 1L), Map.of("web", 3L), List.of(new CartItem("sku-1", 2, 9.5)), 1, 19.0, 2_000,
        Map.of("tier", "\"gold\"", "age", "41", "vip", "true", "tags", "[\"a\",\"b\"]"), Map.of("tier", new TraitOrigin("web", 1_500)),
        new SentimentState(-0.5, "negative", "en", -0.2, 2, 1_800, Map.of("web", -0.2, "email", 0.4), 1_800, "web",
            "Broken \"on\" arrival — 壊れた 🙁"),
        new PropensityState(0.3, "m@1", 1_900, 3, "PageValues +0.4"),
        new SessionState(1_000, 2_000, 1, 0, 0, 1, 4.5, 2, 9.0, 12.0, "product_related", 1, 7, "search"),
        List.of(new Interaction("purchase", "web", 2_000, "total=19"), new Interaction("page_view", "web", 1_000, null)),
        Map.of("marketing_email", new Consent("granted", "call_center", 1_200)), null);
    JsonObject j = ProfileJson.toJson(p, POLICY);
    assertThat(j.getJsonObject("identifiers").getJsonArray("anonymousId").getList()).containsExactly("c-1", "c-2");
    assertThat(j.getJsonObject("invalidIdentifiers").getJsonArray("phone").getList()).containsExactly("12");
    assertThat(j.getJsonObject("consents").getJsonObject("marketing_email").getMap())
        .containsEntry("status", "granted").containsEntry("source", "call_center").containsEntry("at", "1970-01-01T00:00:01.200Z");
    assertThat(j.getJsonObject("consents").getJsonObject("marketing_sms").getMap())
        .containsEntry("status", "denied").containsEntry("source", "default").doesNotContainKey("at");
    assertThat(j.getJsonObject("traits").getString("tier")).isEqualTo("gold");
    assertThat(j.getJsonObject("traits").getInteger("age")).isEqualTo(41);
    assertThat(j.getJsonObject("traits").getBoolean("vip")).isTrue();
    assertThat(j.getJsonObject("traits").getJsonArray("tags").getList()).containsExactly("a", "b");
    assertThat(j.getJsonObject("traitSources").getJsonObject("tier").getString("source")).isEqualTo("web");
    assertThat(j.getJsonObject("counters").getLong("events")).isEqualTo(3);
    assertThat(j.getJsonObject("counters").getJsonObject("byType").getLong("purchase")).isEqualTo(1);
    assertThat(j.getJsonObject("cart").getDouble("value")).isEqualTo(19.0);
    assertThat(j.getJsonObject("purchases").getString("lastAt")).isEqualTo("1970-01-01T00:00:02Z");
    assertThat(j.getJsonObject("sentiment").getJsonObject("byChannel").getDouble("email")).isEqualTo(0.4);
    assertThat(j.getJsonObject("sentiment").getJsonObject("lastNegative").getString("text")).isEqualTo("Broken \"on\" arrival — 壊れた 🙁");
    assertThat(new String(ProfileJson.utf8(p, POLICY), java.nio.charset.StandardCharsets.UTF_8)).as("the bytes the API sends")
        .contains("壊れた 🙁");
    assertThat(j.getJsonObject("propensity").getString("drivers")).isEqualTo("PageValues +0.4");
    assertThat(j.getJsonObject("session").getJsonObject("seconds").getDouble("productRelated")).isEqualTo(9.0);
    assertThat(j.getJsonArray("recentInteractions").getJsonObject(0).getString("summary")).isEqualTo("total=19");
    assertThat(j.getJsonArray("recentInteractions").getJsonObject(1).containsKey("summary")).isFalse();
  }

  @Test
  void anEmptyProfileHasNullSentimentPropensityAndLastPurchase() {
    JsonObject j = ProfileJson.toJson(Profile.empty("p-0"), POLICY);
    assertThat(j.containsKey("sentiment")).isTrue();
    assertThat(j.getValue("sentiment")).isNull();
    assertThat(j.getValue("propensity")).isNull();
    assertThat(j.getJsonObject("purchases").getValue("lastAt")).isNull();
    assertThat(j.getJsonObject("consents").fieldNames()).hasSize(5);
    assertThat(j.getJsonObject("traits").isEmpty()).isTrue();
  }
}
