package io.kairos.nlp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The feature names of a tokenized text for {@link TfIdfSentimentModel}, in two blocks that are
 * weighted and normalized separately, as the two vectorizers of a TF-IDF pipeline would be: word
 * n-grams ({@code w=} unigrams, {@code b=} bigrams, {@code t=} trigrams when asked) and the
 * character 2-5-grams of each token ({@link CharNGramFeatureGenerator}'s names), when asked.
 * A name repeats once per occurrence, so counting the list gives term frequencies.
 *
 * @param wordTrigrams add word trigrams (character trigrams for Chinese, where each character is a token)
 * @param charNGrams add each token's character 2-5-grams as a second block
 */
record TfIdfFeatures(boolean wordTrigrams, boolean charNGrams) {

  private static final CharNGramFeatureGenerator CHARS = new CharNGramFeatureGenerator();

  /** The word block, one name per occurrence. */
  List<String> words(String[] tokens) {
    List<String> out = new ArrayList<>(tokens.length * (wordTrigrams ? 3 : 2));
    for (int i = 0; i < tokens.length; i++) {
      out.add(unigram(tokens[i]));
      if (i + 1 < tokens.length) {
        out.add(bigram(tokens[i], tokens[i + 1]));
        if (wordTrigrams && i + 2 < tokens.length) {
          out.add(trigram(tokens[i], tokens[i + 1], tokens[i + 2]));
        }
      }
    }
    return out;
  }

  /** The character block of one token, one name per occurrence (empty when character n-grams are off). */
  Collection<String> chars(String token) {
    if (!charNGrams) {
      return List.of();
    }
    return CHARS.extractFeatures(new String[] {token}, Map.of());
  }

  static String unigram(String token) {
    return "w=" + token;
  }

  static String bigram(String a, String b) {
    return "b=" + a + ' ' + b;
  }

  static String trigram(String a, String b, String c) {
    return "t=" + a + ' ' + b + ' ' + c;
  }
}
