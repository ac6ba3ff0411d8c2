package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped models behind language detection, and hostile input. */
class MultilingualSentimentTest {

  static MultilingualSentimentAnalyzer analyzer;

  @BeforeAll
  static void load() throws Exception {
    analyzer = MultilingualSentimentAnalyzer.load(SharedData.shippedModels().resolve("sentiment"),
        OpenNlpLanguageDetector.fromClasspath());
  }

  @Test
  void shipsTheRedistributableLanguages() {
    assertThat(analyzer.languages()).contains("en", "ar", "fr", "de", "es", "it", "pt", "ru", "zh");
  }

  @Test
  void routesByDetectedLanguage() {
    Sentiment fr = analyzer.analyze("Service horrible, produit cassé, je suis très déçu. Je ne recommande pas.");
    assertThat(fr.language()).isEqualTo("fr");
    assertThat(fr.label()).isEqualTo("negative");
    Sentiment de = analyzer.analyze("Super Qualität, schnelle Lieferung, ich bin sehr zufrieden! Danke!");
    assertThat(de.language()).isEqualTo("de");
    assertThat(de.label()).isEqualTo("positive");
    Sentiment ru = analyzer.analyze("Ужасный сервис, деньги списали дважды и никто не отвечает.");
    assertThat(ru.language()).isEqualTo("ru");
    assertThat(ru.label()).isEqualTo("negative");
    Sentiment zh = analyzer.analyze("酒店位置很好，房间干净，服务热情，下次还会再来。");
    assertThat(zh.language()).isEqualTo("zh");
    assertThat(zh.label()).isEqualTo("positive");
  }

  @Test
  void aLanguageWithoutAModelIsUnknownSentimentNotAnError() {
    Sentiment nl = analyzer.analyze("De levering was weer te laat en niemand heeft mijn e-mails over de terugbetaling beantwoord.");
    assertThat(nl.isKnown()).isFalse();
    assertThat(nl.language()).isEqualTo("nl");
    assertThat(nl.score()).isZero();
  }

  @Test
  void hostileInputNeverCrashesAndHasADefinedAnswer() {
    assertThat(analyzer.analyze(null).isKnown()).isFalse();
    assertThat(analyzer.analyze("").isKnown()).isFalse();
    assertThat(analyzer.analyze(" \t\n ").isKnown()).isFalse();
    byte[] garbage = new byte[4096];
    new Random(1).nextBytes(garbage);
    Sentiment g = analyzer.analyze(new String(garbage, StandardCharsets.ISO_8859_1));
    assertThat(g.score()).isBetween(-1.0, 1.0);
    String huge = "Terrible service and a broken product. ".repeat(30_000); // about 1.2 MB, capped at 10,000 chars
    Sentiment h = analyzer.analyze(huge);
    assertThat(h.language()).isEqualTo("en");
    assertThat(h.label()).isEqualTo("negative");
    Sentiment mixed = analyzer.analyze("I love it 我很喜欢 j'adore ich liebe es");
    assertThat(mixed.score()).isBetween(-1.0, 1.0);
    Sentiment rtl = analyzer.analyze("\u202Bخدمة سيئة جدا\u202C and terrible");
    assertThat(rtl.score()).isBetween(-1.0, 1.0);
    String surrogateAtCap = "a".repeat(MultilingualSentimentAnalyzer.MAX_CHARS - 1) + "\uD83D\uDE00 more";
    assertThat(analyzer.analyze(surrogateAtCap).score()).isBetween(-1.0, 1.0);
  }
}
