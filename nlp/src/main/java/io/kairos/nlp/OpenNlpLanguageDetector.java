package io.kairos.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * OpenNLP's 103-language detector ({@code opennlp-models-langdetect}, resource
 * {@code /langdetect-183.bin}). Its raw scores spread over 103 languages (a correct answer often
 * scores 0.05-0.15), so the confidence reported is the best language's share of the best two,
 * in [0.5, 1]. Texts with fewer than {@link #MIN_LETTERS} letters, or a confidence below
 * {@link #MIN_CONFIDENCE}, are "unknown". Scripts that identify their
 * language on their own (Han, Hangul, Devanagari for Hindi) settle short texts the detector would
 * not. Only the first {@link #MAX_CHARS} characters are read. The model is OpenNLP's, with its own
 * normalization, evaluated by {@link PackedNGramLanguageModel} (same probabilities as
 * {@code LanguageDetectorME}, without a string per n-gram). Thread-safe.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

  public static final int MIN_LETTERS = 3;
  public static final double MIN_CONFIDENCE = 0.52;
  /**
   * Characters read from the start of a text. The detector's cost grows with the text; at 160
   * characters its answers on the datasets' texts (which average 70-194 characters) are the same as
   * on whole texts (docs/NLP.md).
   */
  public static final int MAX_CHARS = 160;
  private static final String RESOURCE = "/langdetect-183.bin";
  /**
   * The model's ISO 639-3 codes to ISO 639-1: the JDK's table ({@link Locale#getISO3Language}) plus
   * the individual languages the model reports under a macrolanguage that has a two-letter code
   * (Mandarin is Chinese, Standard Estonian is Estonian, ...). Languages with no two-letter code
   * (Cebuano, Waray, Low German, Swiss German, Min Nan, Asturian, Minangkabau) keep their three letters.
   */
  static final Map<String, String> ISO1 = iso1();

  private static Map<String, String> iso1() {
    Map<String, String> m = new HashMap<>();
    Map<String, String> current = Map.of("iw", "he", "in", "id", "ji", "yi"); // JDK 17 lists the withdrawn codes
    for (String two : Locale.getISOLanguages()) {
      m.put(new Locale(two).getISO3Language(), current.getOrDefault(two, two));
    }
    m.putAll(Map.of("cmn", "zh", "arb", "ar", "arz", "ar", "ekk", "et", "lvs", "lv", "pes", "fa", "plt", "mg", "pnb", "pa"));
    return Map.copyOf(m);
  }

  /** Every language the model can answer, as the detector reports it. */
  List<String> codes() {
    return Arrays.stream(model.languages()).map(OpenNlpLanguageDetector::toIso1).toList();
  }

  /** A model language code in the form the detector reports it: ISO 639-1 where one exists. */
  static String toIso1(String iso3) {
    return ISO1.getOrDefault(iso3, iso3);
  }

  private final PackedNGramLanguageModel model;

  /** Confidence reported for text settled as Chinese by its script. */
  static final double HAN_CONFIDENCE = 0.9;

  public OpenNlpLanguageDetector(LanguageDetectorModel model) {
    this.model = PackedNGramLanguageModel.of(model);
  }

  /** Loads the model shipped in {@code opennlp-models-langdetect} from the classpath. */
  public static OpenNlpLanguageDetector fromClasspath() {
    try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("resource " + RESOURCE + " not on the classpath (opennlp-models-langdetect)");
      }
      return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public DetectedLanguage detect(String text) {
    if (text == null) {
      return new DetectedLanguage(DetectedLanguage.UNKNOWN, 0);
    }
    String sample = TextPrefix.of(text, MAX_CHARS);
    int letters = 0;
    int han = 0;
    int hangul = 0;
    int devanagari = 0;
    int kana = 0;
    for (int i = 0; i < sample.length(); ) {
      int cp = sample.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN) han++;
        else if (script == Character.UnicodeScript.HANGUL) hangul++;
        else if (script == Character.UnicodeScript.DEVANAGARI) devanagari++;
        else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) kana++;
      }
    }
    if (letters < MIN_LETTERS && han == 0) {
      return new DetectedLanguage(DetectedLanguage.UNKNOWN, 0);
    }
    if (han * 2 > letters && kana == 0) {
      // Mostly Han and no kana: Chinese, whatever the n-gram model says; skip its cost (about half
      // the time of scoring a 280-character Chinese review, docs/NLP.md).
      return new DetectedLanguage("zh", HAN_CONFIDENCE);
    }
    double[] probs = model.probabilities(LangDetectNormalization.normalize(sample));
    int best = 0;
    int second = -1;
    for (int i = 1; i < probs.length; i++) {
      if (probs[i] > probs[best]) {
        second = best;
        best = i;
      } else if (second < 0 || probs[i] > probs[second]) {
        second = i;
      }
    }
    String iso3 = model.language(best);
    String code = toIso1(iso3);
    double secondProb = second < 0 ? 0 : probs[second];
    double confidence = probs[best] / Math.max(1e-12, probs[best] + secondProb);
    if (han * 2 > letters && !"ja".equals(code)) {
      return new DetectedLanguage("zh", Math.max(confidence, HAN_CONFIDENCE));
    }
    if (hangul * 2 > letters) {
      return new DetectedLanguage("ko", Math.max(confidence, 0.9));
    }
    if (devanagari * 2 > letters && !"mr".equals(code) && !"ne".equals(code) && !"mar".equals(iso3)
        && !"nep".equals(iso3)) {
      return new DetectedLanguage("hi", Math.max(confidence, 0.6));
    }
    return confidence < MIN_CONFIDENCE ? new DetectedLanguage(DetectedLanguage.UNKNOWN, confidence)
        : new DetectedLanguage(code, confidence);
  }
}
