package io.kairos.nlp;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The model to score a text with when its detected language has none: the one model language
 * written in the text's dominant script, if exactly one is. Short Russian tweets are often detected
 * as Bulgarian or left unknown, and short Arabic ones unknown; their script still says which of our
 * models can read them. Latin script has many model languages, so it never falls back.
 */
final class ScriptFallback {

  /** Scripts of the languages we might have models for; any other language is taken as Latin. */
  private static final Map<String, UnicodeScript> SCRIPT = Map.ofEntries(
      Map.entry("ru", UnicodeScript.CYRILLIC), Map.entry("uk", UnicodeScript.CYRILLIC),
      Map.entry("bg", UnicodeScript.CYRILLIC), Map.entry("be", UnicodeScript.CYRILLIC),
      Map.entry("mk", UnicodeScript.CYRILLIC), Map.entry("kk", UnicodeScript.CYRILLIC),
      Map.entry("ar", UnicodeScript.ARABIC), Map.entry("fa", UnicodeScript.ARABIC), Map.entry("ur", UnicodeScript.ARABIC),
      Map.entry("zh", UnicodeScript.HAN), Map.entry("ja", UnicodeScript.HIRAGANA), Map.entry("ko", UnicodeScript.HANGUL),
      Map.entry("hi", UnicodeScript.DEVANAGARI), Map.entry("mr", UnicodeScript.DEVANAGARI),
      Map.entry("el", UnicodeScript.GREEK), Map.entry("he", UnicodeScript.HEBREW), Map.entry("th", UnicodeScript.THAI));
  /** Letters read to find the dominant script, as many as language detection reads. */
  private static final int SAMPLE_CHARS = 160;

  private final Map<UnicodeScript, String> languageOfScript = new EnumMap<>(UnicodeScript.class);

  ScriptFallback(Set<String> modelLanguages) {
    Map<UnicodeScript, Integer> count = new HashMap<>();
    for (String language : modelLanguages) {
      UnicodeScript script = SCRIPT.getOrDefault(language, UnicodeScript.LATIN);
      count.merge(script, 1, Integer::sum);
      languageOfScript.put(script, language);
    }
    count.forEach((script, n) -> {
      if (n > 1) {
        languageOfScript.remove(script);
      }
    });
  }

  /** The model language for this text's dominant script, or null when there is none or it is ambiguous. */
  String languageFor(String text) {
    UnicodeScript dominant = dominantScript(text);
    return dominant == null ? null : languageOfScript.get(dominant);
  }

  /** The script of more than half of the letters in the text's first characters, or null. */
  static UnicodeScript dominantScript(String text) {
    Map<UnicodeScript, Integer> letters = new EnumMap<>(UnicodeScript.class);
    int total = 0;
    int end = Math.min(text.length(), SAMPLE_CHARS);
    for (int i = 0; i < end; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters.merge(UnicodeScript.of(cp), 1, Integer::sum);
        total++;
      }
    }
    for (Map.Entry<UnicodeScript, Integer> e : letters.entrySet()) {
      if (e.getValue() * 2 > total) {
        return e.getKey();
      }
    }
    return null;
  }
}
