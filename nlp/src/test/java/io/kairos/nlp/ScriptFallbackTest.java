package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.nlp.data.DatasetFormat;
import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Script fallback as a pure function, then on real Russian tweets the detector misreads. */
class ScriptFallbackTest {

  @Test
  void dominantScriptNeedsMoreThanHalfOfTheLetters() {
    assertThat(ScriptFallback.dominantScript("Ужасный сервис, 100%!")).isEqualTo(UnicodeScript.CYRILLIC);
    assertThat(ScriptFallback.dominantScript("خدمة سيئة جدا and bad")).isEqualTo(UnicodeScript.ARABIC);
    assertThat(ScriptFallback.dominantScript("abcd где")).isEqualTo(UnicodeScript.LATIN);
    assertThat(ScriptFallback.dominantScript("abc где")).as("a tie").isNull();
    assertThat(ScriptFallback.dominantScript("12345 !!! 😀")).isNull();
    assertThat(ScriptFallback.dominantScript("")).isNull();
  }

  @Test
  void fallsBackOnlyToTheSingleModelOfAScript() {
    ScriptFallback fallback = new ScriptFallback(Set.of("en", "fr", "de", "ru", "ar", "zh"));
    assertThat(fallback.languageFor("Всички са доволни от услугата")).isEqualTo("ru");
    assertThat(fallback.languageFor("خیلی بد بود")).isEqualTo("ar");
    assertThat(fallback.languageFor("Heel slechte service")).as("Latin has several models").isNull();
    assertThat(new ScriptFallback(Set.of("en", "ru", "uk")).languageFor("Жахливий сервіс")).as("two Cyrillic models").isNull();
    assertThat(new ScriptFallback(Set.of("en")).languageFor("Great service")).as("the only Latin model").isEqualTo("en");
  }

  @Test
  void russianTweetsTheDetectorMisreadsAreScoredByTheRussianModel() throws Exception {
    OpenNlpLanguageDetector detector = OpenNlpLanguageDetector.fromClasspath();
    MultilingualSentimentAnalyzer analyzer = MultilingualSentimentAnalyzer.load(
        SharedData.shippedModels().resolve("sentiment"), detector);
    List<LabeledText> tweets = DatasetFormat.SENTIRUEVAL.read(
        SharedData.file("sentirueval2016_ru/sentirueval2016_banks_train.csv"), "train");
    List<LabeledText> misread = tweets.stream().filter(t -> !"ru".equals(detector.detect(t.text()).code())).toList();
    assertThat(misread).as("tweets detected as Bulgarian, Chechen, unknown...").hasSizeGreaterThan(50);
    for (LabeledText t : misread) {
      Sentiment s = analyzer.analyze(t.text());
      if (ScriptFallback.dominantScript(t.text()) == UnicodeScript.CYRILLIC) {
        assertThat(s.language()).as(t.text()).isEqualTo("ru");
        assertThat(s.isKnown()).as(t.text()).isTrue();
      }
    }
  }
}
