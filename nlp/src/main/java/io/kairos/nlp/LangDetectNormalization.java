package io.kairos.nlp;

import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;

/**
 * The normalizer chain OpenNLP's language detector applies before counting n-grams (emoji, URLs
 * and e-mails, Twitter marks, numbers, repeated characters and spaces, in that order), with the
 * same OpenNLP normalizers (the emoji one, a character class, is reproduced by hand). Each
 * regular-expression normalizer runs only when a cheap scan finds a
 * character sequence its patterns need in order to match; when the scan finds none, the normalizer
 * could not have changed the text. The output is therefore identical to OpenNLP's chain
 * ({@code PackedNGramLanguageModelTest} checks it on the shared datasets) at a fraction of the cost
 * for ordinary text.
 */
final class LangDetectNormalization {

  private LangDetectNormalization() {}

  static String normalize(String text) {
    String s = text;
    s = removeEmojiClass(s);
    if (s.indexOf('@') >= 0 || s.contains("http://") || s.contains("https://")) {
      s = UrlCharSequenceNormalizer.getInstance().normalize(s).toString();
    }
    if (mayHaveTwitterMarks(s)) {
      s = TwitterCharSequenceNormalizer.getInstance().normalize(s).toString();
    }
    if (hasAsciiDigit(s)) {
      s = NumberCharSequenceNormalizer.getInstance().normalize(s).toString();
    }
    if (hasTripleCodePoint(s) || hasDoubleSpace(s)) {
      return ShrinkCharSequenceNormalizer.getInstance().normalize(s).toString();
    }
    return s.trim(); // the shrink normalizer's last step
  }

  /**
   * OpenNLP's emoji normalizer, pattern {@code [\uD83C-\uDBFF\uDC00-\uDFFF]+}, each run replaced by a space.
   * Java reads {@code \uDBFF\uDC00} in that class as one code point, U+10FC00, so the class is the
   * range U+D83C..U+10FC00 plus a literal {@code -}: it replaces hyphens, lone low surrogates, the
   * private-use area, presentation forms and every supplementary character, not only emoji. The
   * detector's model sees text that way, so it is reproduced here, code point by code point.
   */
  private static String removeEmojiClass(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (inEmojiClass(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length()).append(s, 0, i);
    boolean inRun = false;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (!inEmojiClass(cp)) {
        out.appendCodePoint(cp);
        inRun = false;
      } else if (!inRun) {
        out.append(' ');
        inRun = true;
      }
    }
    return out.toString();
  }

  private static boolean inEmojiClass(int cp) {
    return cp == '-' || (cp >= 0xD83C && cp <= 0x10FC00);
  }

  /**
   * Patterns {@code [#@]\S+}, {@code \b(rt[ :])+}, {@code [:;x]-?[()dop]} and
   * {@code ([hj])+([aieou])+(\1+\2+)+}, the last three ASCII case-insensitive.
   */
  private static boolean mayHaveTwitterMarks(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      char lc = asciiLower(c);
      if (c == '#' || c == '@') {
        return true;
      }
      if (lc == 'r' && i + 2 < n && asciiLower(s.charAt(i + 1)) == 't' && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == ':')) {
        return true;
      }
      if (c == ':' || c == ';' || lc == 'x') {
        int j = i + 1 < n && s.charAt(i + 1) == '-' ? i + 2 : i + 1;
        if (j < n && "()dop".indexOf(asciiLower(s.charAt(j))) >= 0) {
          return true;
        }
      }
      if ((lc == 'h' || lc == 'j') && mayLaughAt(s, i, lc)) {
        return true;
      }
    }
    return false;
  }

  /** A match of the laugh pattern has X, a run of vowels ending in V, one or more X, then V. */
  private static boolean mayLaughAt(String s, int i, char x) {
    int n = s.length();
    int k = i + 1;
    while (k < n && isAsciiVowel(asciiLower(s.charAt(k)))) {
      k++;
    }
    if (k == i + 1 || k >= n || asciiLower(s.charAt(k)) != x) {
      return false;
    }
    char v = asciiLower(s.charAt(k - 1));
    while (k < n && asciiLower(s.charAt(k)) == x) {
      k++;
    }
    return k < n && asciiLower(s.charAt(k)) == v;
  }

  private static boolean hasAsciiDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Pattern {@code (.)\1{2,}}, ASCII case-insensitive, over code points. */
  private static boolean hasTripleCodePoint(String s) {
    int prev = -1;
    int run = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      int folded = cp < 128 ? asciiLower((char) cp) : cp;
      run = folded == prev ? run + 1 : 1;
      if (run >= 3) {
        return true;
      }
      prev = folded;
    }
    return false;
  }

  /** Pattern {@code \s{2,}} ({@code \s} is ASCII whitespace). */
  private static boolean hasDoubleSpace(String s) {
    for (int i = 1; i < s.length(); i++) {
      if (isAsciiSpace(s.charAt(i)) && isAsciiSpace(s.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
