package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decision log's packed candidates read back bit for bit; the two JSON forms older logs hold read alike; damage is refused. */
class LoggedCandidatesTest {

  @Test
  void packedCandidatesReadBackExactly() {
    SplittableRandom random = new SplittableRandom(7);
    List<DecisionCandidate> written = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      double p = random.nextDouble();
      written.add(new DecisionCandidate(i == 0 ? "ünïcødé-🎁" : i == 1 ? "" : "offer-" + i, random.nextDouble(), random.nextDouble() * 3,
          5.0 + i % 50, p == 0 ? Double.MIN_VALUE : p, p / 3));
    }
    LoggedCandidates read = LoggedCandidates.unpack(LoggedCandidates.pack(written));
    assertThat(read.size()).isEqualTo(300);
    for (int i = 0; i < 300; i++) {
      DecisionCandidate c = written.get(i);
      assertThat(read.offerId()[i]).isEqualTo(c.offerId());
      assertThat(read.acceptance()[i]).isEqualTo(c.acceptance());
      assertThat(read.logitSd()[i]).isEqualTo(c.logitSd());
      assertThat(read.multiplier()[i]).isEqualTo(c.multiplier());
      assertThat(read.probability()[i]).isEqualTo(c.probability());
      assertThat(read.firstProbability()[i]).isEqualTo(c.firstProbability());
    }
    assertThat(LoggedCandidates.unpack(LoggedCandidates.pack(List.of())).size()).isZero();
  }

  @Test
  void theTwoJsonFormsOfOlderLogsReadAlike() {
    JsonObject columns = new JsonObject("""
        {"candidates": {"offerId": ["a", "b"], "acceptance": [0.3, 0.1], "logitSd": [0.4, 0.5], "multiplier": [40.0, 5.0],
          "probability": [0.93, 0.07], "firstProbability": [0.9, 0.1]}}""");
    JsonObject rows = new JsonObject("""
        {"candidates": [
          {"offerId": "a", "acceptance": 0.3, "logitSd": 0.4, "multiplier": 40.0, "probability": 0.93, "firstProbability": 0.9},
          {"offerId": "b", "acceptance": 0.1, "logitSd": 0.5, "multiplier": 5.0, "probability": 0.07, "firstProbability": 0.1}]}""");
    for (JsonObject logged : List.of(columns, rows)) {
      LoggedCandidates c = LoggedCandidates.fromJson(logged.getValue("candidates"));
      assertThat(c.offerId()).containsExactly("a", "b");
      assertThat(c.acceptance()).containsExactly(0.3, 0.1);
      assertThat(c.logitSd()).containsExactly(0.4, 0.5);
      assertThat(c.multiplier()).containsExactly(40.0, 5.0);
      assertThat(c.probability()).containsExactly(0.93, 0.07);
      assertThat(c.firstProbability()).containsExactly(0.9, 0.1);
      assertThat(c.toJson()).isEqualTo(columns.getJsonObject("candidates"));
    }
    assertThat(LoggedCandidates.fromJson(null)).isNull();
  }

  @Test
  void damagedPackedCandidatesAreRefusedNotMisread() {
    byte[] packed = LoggedCandidates.pack(List.of(new DecisionCandidate("a", 0.3, 0.4, 40.0, 0.93, 0.9)));
    assertThatThrownBy(() -> LoggedCandidates.unpack(Arrays.copyOf(packed, packed.length - 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> LoggedCandidates.unpack(Arrays.copyOf(packed, packed.length + 3))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("after the candidates");
    byte[] otherFormat = packed.clone();
    otherFormat[0] = 9;
    assertThatThrownBy(() -> LoggedCandidates.unpack(otherFormat)).hasMessageContaining("unknown candidates format 9");
    byte[] hugeCount = packed.clone();
    hugeCount[1] = 0x7f;
    assertThatThrownBy(() -> LoggedCandidates.unpack(hugeCount)).hasMessageContaining("does not fit");
    assertThatThrownBy(() -> LoggedCandidates.unpack(new byte[0])).hasMessageContaining("truncated");
  }
}
