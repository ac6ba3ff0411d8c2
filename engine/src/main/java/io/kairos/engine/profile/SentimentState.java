package io.kairos.engine.profile;

import java.util.HashMap;
import java.util.Map;

/**
 * Sentiment of what the person wrote: the last score and label, an exponentially weighted rolling
 * average overall and per channel (weight {@link #ALPHA} on the newest text), and the last
 * negative interaction with its channel and text snippet. {@code count == 0} means no text yet;
 * {@code lastNegativeAt == 0} means nothing negative yet.
 */
public record SentimentState(double lastScore, String lastLabel, String lastLanguage, double average, long count, long lastAt,
    Map<String, Double> channelAverages, long lastNegativeAt, String lastNegativeChannel, String lastNegativeSnippet) implements java.io.Serializable {

  public static final double ALPHA = 0.3;
  public static final SentimentState NONE = new SentimentState(0, null, null, 0, 0, 0, Map.of(), 0, null, null);

  public SentimentState {
    channelAverages = Map.copyOf(channelAverages);
  }

  public SentimentState with(double score, String label, String language, long at, String channel, String snippet) {
    double avg = count == 0 ? score : ALPHA * score + (1 - ALPHA) * average;
    Map<String, Double> byChannel = new HashMap<>(channelAverages);
    byChannel.merge(channel, score, (old, s) -> ALPHA * s + (1 - ALPHA) * old);
    boolean negative = "negative".equals(label) && at >= lastNegativeAt;
    return new SentimentState(score, label, language, avg, count + 1, Math.max(lastAt, at), byChannel,
        negative ? at : lastNegativeAt, negative ? channel : lastNegativeChannel, negative ? snippet : lastNegativeSnippet);
  }
}
