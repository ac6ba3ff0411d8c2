package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionJsonTest {

  private static Decision decision() {
    List<String> reasons = new ArrayList<>(List.of("condition held: profile.cartValue > 0", "P(accept) 0.310 \"quoted\" × value ≥ 0 — 日本"));
    RankedOffer chosen = new RankedOffer("a", "Offer A", 12.4, 0.31, 0.2, 40.0, 0.93, reasons, "{\"code\":\"CART10\"}");
    return new Decision("d-1", "p-1", "web", null, 1L, "base rate", List.of(), List.of(chosen),
        List.of(new ExcludedOffer("b", "eligible but ranked below the limit of 1")), "thompson", new double[] {1.0, 0.2}, -1.4,
        List.of(new DecisionCandidate("a", 0.3, 0.4, 40.0, 0.93, 0.93), new DecisionCandidate("b", 0.1, 0.5, 5.0, 0.07, 0.07)));
  }

  @Test
  void theLogIsTheExplainedAnswerAndTheCandidatesArePackedBesideIt() {
    DecisionJson.Forms forms = DecisionJson.forms(decision(), true);
    JsonObject answer = new JsonObject(Buffer.buffer(forms.response()));
    JsonObject log = new JsonObject(Buffer.buffer(forms.log()));
    assertThat(answer.containsKey("candidates")).isFalse();
    assertThat(answer.getJsonArray("excluded").getJsonObject(0).getString("offerId")).isEqualTo("b");
    assertThat(answer.getJsonArray("offers").getJsonObject(0).getJsonArray("reasons")).hasSize(2);
    assertThat(answer.getJsonArray("offers").getJsonObject(0).getJsonArray("reasons").getString(1)).endsWith("× value ≥ 0 — 日本");
    assertThat(answer.getJsonArray("offers").getJsonObject(0).getJsonObject("payload").getString("code")).isEqualTo("CART10");
    assertThat(answer.getString("placement")).isNull();
    assertThat(log).isEqualTo(answer);
    LoggedCandidates candidates = LoggedCandidates.unpack(forms.candidates());
    assertThat(candidates.offerId()).containsExactly("a", "b");
    assertThat(candidates.probability()).containsExactly(0.93, 0.07);
    assertThat(candidates.multiplier()).containsExactly(40.0, 5.0);
  }

  @Test
  void anUnexplainedAnswerLeavesOutReasonsAndExcludedButTheLogKeepsThem() {
    DecisionJson.Forms forms = DecisionJson.forms(decision(), false);
    JsonObject answer = new JsonObject(Buffer.buffer(forms.response()));
    assertThat(answer.containsKey("excluded")).isFalse();
    assertThat(answer.getJsonArray("offers").getJsonObject(0).containsKey("reasons")).isFalse();
    assertThat(answer.getJsonArray("offers").getJsonObject(0).getDouble("probability")).isEqualTo(0.93);
    JsonObject log = new JsonObject(Buffer.buffer(forms.log()));
    assertThat(log.getJsonArray("excluded")).hasSize(1);
    assertThat(log.getJsonArray("offers").getJsonObject(0).getJsonArray("reasons")).hasSize(2);
  }

  @Test
  void charactersBeyondTheBmpAreWrittenAsUtf8NotAsEscapedSurrogates() {
    Decision base = decision();
    RankedOffer chosen = base.offers().get(0);
    RankedOffer withEmoji = new RankedOffer(chosen.offerId(), "Offer 🎁", chosen.score(), chosen.acceptance(), chosen.propensity(),
        chosen.value(), chosen.probability(), chosen.reasons(), chosen.payloadJson());
    Decision d = new Decision(base.decisionId(), base.profileId(), base.channel(), base.placement(), base.createdAt(),
        base.propensitySource(), base.consent(), List.of(withEmoji), base.excluded(), base.policy(), base.features(), base.offset(),
        base.candidates());
    DecisionJson.Forms forms = DecisionJson.forms(d, false);
    assertThat(new String(forms.response(), java.nio.charset.StandardCharsets.UTF_8)).contains("Offer 🎁").doesNotContain("\\uD83C");
    assertThat(new JsonObject(Buffer.buffer(forms.log())).getJsonArray("offers").getJsonObject(0).getString("name")).isEqualTo("Offer 🎁");
  }
}
