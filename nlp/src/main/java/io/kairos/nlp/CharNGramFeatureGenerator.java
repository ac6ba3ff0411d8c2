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
    List<String> features = new ArrayList<>(text.length * 16);
    int[] cps = new int[MAX_TOKEN_CHARS + 2];
    StringBuilder sb = new StringBuilder(3 + 2 * MAX);
    for (String token : text) {
      int from = token.startsWith("NOT_") ? 4 : 0;
      int to = Math.min(token.length(), from + MAX_TOKEN_CHARS);
      int length = 0;
      cps[length++] = '<';
      for (int i = from; i < to; ) {
        int cp = token.codePointAt(i);
        i += Character.charCount(cp);
        cps[length++] = cp;
      }
      if (to > from && Character.isHighSurrogate(token.charAt(to - 1))) {
        cps[length - 1] = token.charAt(to - 1); // a pair cut by the limit keeps its lone high half, as before
      }
      cps[length++] = '>';
      for (int n = MIN; n <= MAX; n++) {
        for (int i = 0; i + n <= length; i++) {
          sb.setLength(0);
          sb.append('c').append((char) ('0' + n)).append('=');
          for (int k = i; k < i + n; k++) {
            sb.appendCodePoint(cps[k]);
          }
          features.add(sb.toString());
        }
      }
    }
    return features;
  }
}
