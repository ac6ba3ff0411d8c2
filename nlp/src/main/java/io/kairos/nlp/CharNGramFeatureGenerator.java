package io.kairos.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams (2 to 5) of each token, with {@code <} and {@code >} marking the token's
 * edges. They carry sentiment in scripts without spaces (Chinese), in rich morphology (Arabic,
 * Russian) and in misspelt or elongated social text. Tokens marked by the negation scope keep their
 * {@code NOT_} prefix as a separate feature only, so n-grams stay shared between scopes.
 * Needs a public no-argument constructor: OpenNLP re-creates it by class name when a model loads.
 */
public final class CharNGramFeatureGenerator implements FeatureGenerator {

  static final int MIN = 2;
  static final int MAX = 5;
  /** Long tokens (URLs that escaped normalization, Chinese sentences) contribute their first characters only. */
  static final int MAX_TOKEN_CHARS = 40;

  public CharNGramFeatureGenerator() {
    // created reflectively by DoccatFactory
  }

  @Override
  public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
    List<String> features = new ArrayList<>();
    for (String token : text) {
      String t = token.startsWith("NOT_") ? token.substring(4) : token;
      if (t.length() > MAX_TOKEN_CHARS) {
        t = t.substring(0, MAX_TOKEN_CHARS);
      }
      String padded = "<" + t + ">";
      int[] cps = padded.codePoints().toArray();
      for (int n = MIN; n <= MAX; n++) {
        for (int i = 0; i + n <= cps.length; i++) {
          features.add("c" + n + "=" + new String(cps, i, n));
        }
      }
    }
    return features;
  }
}
