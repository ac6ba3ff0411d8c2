package io.kairos.engine.profile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sentiment, propensity and session parts of {@link ProfileCodec}'s layout, written only when set. */
final class StateCodec {

  private static final int MAX_CHANNELS = 1 << 16;

  private StateCodec() {}

  static void writeSentiment(PackedWriter w, long base, SentimentState s) throws IOException {
    w.number(s.lastScore());
    w.text(s.lastLabel());
    w.text(s.lastLanguage());
    w.number(s.average());
    w.signed(s.count());
    ProfileCodec.time(w, base, s.lastAt());
    w.unsigned(s.channelAverages().size());
    for (Map.Entry<String, Double> c : s.channelAverages().entrySet()) {
      w.text(c.getKey());
      w.number(c.getValue());
    }
    ProfileCodec.time(w, base, s.lastNegativeAt());
    w.text(s.lastNegativeChannel());
    w.text(s.lastNegativeSnippet());
  }

  static SentimentState readSentiment(PackedReader r, long base) throws IOException {
    double lastScore = r.number();
    String label = r.text();
    String language = r.text();
    double average = r.number();
    long count = r.signed();
    long lastAt = ProfileCodec.time(r, base);
    int n = r.count(MAX_CHANNELS);
    Map<String, Double> byChannel = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      byChannel.put(r.text(), r.number());
    }
    return new SentimentState(lastScore, label, language, average, count, lastAt, byChannel, ProfileCodec.time(r, base), r.text(), r.text());
  }

  static void writePropensity(PackedWriter w, long base, PropensityState p) throws IOException {
    w.number(p.score());
    w.text(p.modelVersion());
    ProfileCodec.time(w, base, p.scoredAt());
    w.signed(p.asOfEventCount());
    w.text(p.drivers());
  }

  static PropensityState readPropensity(PackedReader r, long base) throws IOException {
    return new PropensityState(r.number(), r.text(), ProfileCodec.time(r, base), r.signed(), r.text());
  }

  static void writeSession(PackedWriter w, long base, SessionState s) throws IOException {
    ProfileCodec.time(w, base, s.startedAt());
    ProfileCodec.time(w, base, s.lastEventAt());
    w.signed(s.sessionCount());
    w.signed(s.administrative());
    w.number(s.administrativeSeconds());
    w.signed(s.informational());
    w.number(s.informationalSeconds());
    w.signed(s.productRelated());
    w.number(s.productRelatedSeconds());
    w.number(s.pageValueSum());
    w.text(s.lastPageKind());
    w.signed(s.bounces());
    w.signed(s.pagesTotal());
    w.text(s.trafficSource());
  }

  static SessionState readSession(PackedReader r, long base) throws IOException {
    return new SessionState(ProfileCodec.time(r, base), ProfileCodec.time(r, base), (int) r.signed(), (int) r.signed(), r.number(),
        (int) r.signed(), r.number(), (int) r.signed(), r.number(), r.number(), r.text(), (int) r.signed(), (int) r.signed(), r.text());
  }
}
