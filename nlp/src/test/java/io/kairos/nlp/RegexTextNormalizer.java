package io.kairos.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The first, regular-expression version of {@link TextNormalizer}, kept as the specification the
 * single-pass version must reproduce token for token (the shipped models were trained on it).
 *
 * <p>Turns raw customer text into the tokens the sentiment models see. The same normalizer is used
 * in training and in prediction, so it is part of the model's contract: URLs, mentions and
 * numbers become placeholder tokens, letters repeated three or more times are shortened
 * ("sooooo" to "soo"), Chinese and Japanese characters become one token each (those scripts have
 * no spaces), and tokens after a negation word up to the next clause punctuation get a
 * {@code NOT_} prefix so that "not good" and "good" are different features.
 */
final class RegexTextNormalizer {

  private static final Pattern URL = Pattern.compile("(https?://\\S+|www\\.\\S+)");
  private static final Pattern MENTION = Pattern.compile("@\\w+");
  private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern NUMBER = Pattern.compile("^\\d+([.,]\\d+)?$");
  private static final Pattern SPLIT = Pattern.compile("[\\s]+");
  private static final Set<String> NEGATIONS = Set.of(
      "not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "cannot",
      "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "isnt", "isn't", "wasnt", "wasn't",
      "wont", "won't", "cant", "can't", "couldn't", "shouldn't", "wouldn't", "aren't", "without");
  private static final Set<String> CLAUSE_END = Set.of(".", ",", "!", "?", ";", ":", "but", "。", "，", "！", "？", "؟", "،");
  private static final Pattern IDEOGRAPH = Pattern.compile("([\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}])");
  private static final Pattern PUNCTUATION = Pattern.compile("([.,!?;:()\"。，！？；：、（）؟،])");

  /** Tokens of the normalized text; never null, possibly empty. */
  String[] tokens(String text) {
    if (text == null || text.isBlank()) {
      return new String[0];
    }
    String s = text.toLowerCase(Locale.ROOT);
    s = URL.matcher(s).replaceAll(" _url_ ");
    s = MENTION.matcher(s).replaceAll(" _user_ ");
    s = ELONGATION.matcher(s).replaceAll("$1$1");
    s = PUNCTUATION.matcher(s).replaceAll(" $1 ");
    s = IDEOGRAPH.matcher(s).replaceAll(" $1 ");
    List<String> out = new ArrayList<>();
    boolean negated = false;
    for (String raw : SPLIT.split(s.strip())) {
      if (raw.isEmpty()) {
        continue;
      }
      String token = NUMBER.matcher(raw).matches() ? "_num_" : raw;
      if (CLAUSE_END.contains(token)) {
        negated = false;
        out.add(token);
      } else if (NEGATIONS.contains(token) || token.endsWith("n't")) {
        negated = true;
        out.add(token);
      } else {
        out.add(negated ? "NOT_" + token : token);
      }
    }
    return out.toArray(String[]::new);
  }
}
