package io.kairos.engine.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.engine.bench.SyntheticCatalog;
import io.kairos.engine.contact.ContactHistory;
import io.kairos.engine.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmarks' catalog: every offer's conditions are evaluated, and exactly the asked-for number of offers is eligible. */
class SyntheticCatalogTest {

  private static Decision decide(int offers, int eligible) throws Exception {
    List<Offer> catalog = new ArrayList<>();
    for (OfferCatalog.OfferSpec spec : SyntheticCatalog.specs(offers, eligible)) {
      catalog.add(OfferCatalog.toOffer(spec, ""));
    }
    DecisionEngine engine = DecisionEngineTest.engine(new OfferCatalog(catalog));
    return engine.decide(new DecisionRequest("p", Map.of(), "web", null, Map.of(), 3), Profile.empty("p"), ContactHistory.EMPTY, 0.9,
        true, 0);
  }

  @Test
  void allOffersAreEligibleByDefaultAndOnlyTheFirstFewWhenAsked() throws Exception {
    assertThat(decide(50, 50).candidates()).hasSize(50);
    Decision few = decide(50, 7);
    assertThat(few.candidates()).extracting(DecisionCandidate::offerId)
        .containsExactlyInAnyOrder("offer-0", "offer-1", "offer-2", "offer-3", "offer-4", "offer-5", "offer-6");
    assertThat(few.excluded()).filteredOn(e -> e.reason().startsWith("condition not met: profile.propensity > ")).hasSize(43);
    assertThat(few.offers()).hasSize(3);
  }
}
