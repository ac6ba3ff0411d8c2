package io.kairos.engine.evaluate;

import io.kairos.engine.bench.ScratchDirectory;
import io.kairos.engine.bench.SyntheticCatalog;
import io.kairos.engine.config.ConfigLoader;
import io.kairos.engine.config.KairosConfig;
import io.kairos.engine.contact.ContactHistory;
import io.kairos.engine.decide.ConsentRules;
import io.kairos.engine.decide.DecidePolicy;
import io.kairos.engine.decide.Decision;
import io.kairos.engine.decide.DecisionEngine;
import io.kairos.engine.decide.DecisionJson;
import io.kairos.engine.decide.DecisionRequest;
import io.kairos.engine.decide.LearningFeatures;
import io.kairos.engine.decide.Offer;
import io.kairos.engine.decide.OfferCatalog;
import io.kairos.engine.learn.OfferLearner;
import io.kairos.engine.profile.Profile;
import io.kairos.engine.store.SqliteDatabase;
import io.kairos.engine.store.SqliteOfferModelLog;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kairos policy bench-decide}: the cost of one decision with a large catalog, measured in
 * process on the calling thread (eligibility, CEL conditions, contact policies, Thompson sampling
 * with the Monte Carlo choice probabilities, arbitration and explanations; no HTTP, no grid), and apart
 * from it the JSON forms of the decision (answer and log record). Every
 * offer has two conditions and half are in groups; the offer models have learned from feedback.
 * Prints one JSON object with the latency percentiles.
 */
@Command(name = "bench-decide", mixinStandardHelpOptions = true, description = "Latency of one decision with N offers, in process.")
final class DecideBenchCommand implements Callable<Integer> {

  @Option(names = "--offers", defaultValue = "200") int offers;
  @Option(names = "--eligible", description = "offers eligible for the person; the rest fail their own condition (default: all)")
  Integer eligible;
  @Option(names = "--decisions", defaultValue = "20000") int decisions;
  @Option(names = "--limit", defaultValue = "3") int limit;

  @Override
  public Integer call() throws Exception {
    Path home = ConfigLoader.findHome(Path.of(""), System.getenv());
    try (ScratchDirectory scratch = ScratchDirectory.create("kairos-bench-decide")) {
      return run(home, scratch.path());
    }
  }

  private int run(Path home, Path dir) throws Exception {
    KairosConfig config = ConfigLoader.load(home, null, System.getenv(), Map.of("store.dataDir", dir.toString()));
    int eligibleOffers = eligible == null ? offers : eligible;
    List<Offer> catalogOffers = new ArrayList<>();
    for (OfferCatalog.OfferSpec spec : SyntheticCatalog.specs(offers, eligibleOffers)) {
      catalogOffers.add(OfferCatalog.toOffer(spec, ""));
    }
    OfferCatalog catalog = new OfferCatalog(catalogOffers);
    try (SqliteDatabase db = new SqliteDatabase(dir, false, SqliteOfferModelLog.SCHEMA)) {
      LearningFeatures features = LearningFeatures.compile(config.learning().features());
      OfferLearner learner = OfferLearner.open(new SqliteOfferModelLog(db), features.sources(), config.learning().priorVariance());
      for (int i = 0; i < offers; i++) {
        for (int k = 0; k < 20; k++) {
          learner.observe("offer-" + i, new double[] {1, 0.3, 0.1 * (k % 3), 0, 1, 0}, -1.5, k % 7 == 0, 0);
        }
      }
      DecisionEngine engine = new DecisionEngine(() -> catalog, new ConsentRules(config.consent()),
          new DecidePolicy(learner, features, config.learning()));
      Profile person = Profile.empty("bench");
      DecisionRequest request = new DecisionRequest("bench", Map.of(), "web", null, Map.of(), limit);
      long[] nanos = new long[decisions];
      long[] jsonNanos = new long[decisions];
      int chosen = 0;
      long answerBytes = 0;
      long recordBytes = 0;
      long candidateBytes = 0;
      for (int i = -decisions / 2; i < decisions; i++) {
        long t = System.nanoTime();
        Decision d = engine.decide(request, person, ContactHistory.EMPTY, 0.3, true, System.currentTimeMillis());
        long decided = System.nanoTime();
        DecisionJson.Forms json = DecisionJson.forms(d, true);
        if (i >= 0) {
          nanos[i] = decided - t;
          jsonNanos[i] = System.nanoTime() - decided;
          chosen += d.offers().size();
          answerBytes += json.response().length;
          recordBytes += json.log().length;
          candidateBytes += json.candidates().length;
        }
      }
      Arrays.sort(nanos);
      Arrays.sort(jsonNanos);
      System.out.println(new JsonObject().put("offers", offers).put("eligible", eligibleOffers)
          .put("decisions", decisions).put("limit", limit)
          .put("explore", config.learning().explore()).put("choiceDraws", config.learning().choiceDraws())
          .put("p50_us", nanos[decisions / 2] / 1000.0).put("p99_us", nanos[(int) (decisions * 0.99)] / 1000.0)
          .put("p999_us", nanos[(int) (decisions * 0.999)] / 1000.0).put("mean_chosen", chosen / (double) decisions)
          .put("json_p50_us", jsonNanos[decisions / 2] / 1000.0).put("json_p99_us", jsonNanos[(int) (decisions * 0.99)] / 1000.0)
          .put("answer_mean_bytes", answerBytes / decisions)
          .put("log_record_mean_bytes", recordBytes / decisions).put("log_candidates_mean_bytes", candidateBytes / decisions).encodePrettily());
    }
    return 0;
  }
}
