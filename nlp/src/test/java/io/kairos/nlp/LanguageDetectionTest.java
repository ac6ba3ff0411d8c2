package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {

  static final OpenNlpLanguageDetector DETECTOR = OpenNlpLanguageDetector.fromClasspath();

  @Test
  void detectsTheLanguagesKairosServes() {
    Map<String, String> samples = Map.ofEntries(
        Map.entry("en", "The delivery was late again and nobody answered my emails about the refund."),
        Map.entry("ru", "Доставка опять опоздала, и никто не ответил на мои письма о возврате денег."),
        Map.entry("zh", "房间太旧了，价格上也不实惠，服务员的态度也很差。"),
        Map.entry("ar", "تأخر التوصيل مرة أخرى ولم يرد أحد على رسائلي بخصوص استرداد المال"),
        Map.entry("ro", "Livrarea a întârziat din nou și nimeni nu mi-a răspuns la e-mailurile despre rambursare."),
        Map.entry("fr", "La livraison était encore en retard et personne n'a répondu à mes courriels sur le remboursement."),
        Map.entry("de", "Die Lieferung kam schon wieder zu spät und niemand hat auf meine E-Mails zur Rückerstattung geantwortet."),
        Map.entry("es", "La entrega llegó tarde otra vez y nadie respondió a mis correos sobre el reembolso."),
        Map.entry("it", "La consegna è arrivata di nuovo in ritardo e nessuno ha risposto alle mie email sul rimborso."),
        Map.entry("pt", "A entrega atrasou de novo e ninguém respondeu aos meus e-mails sobre o reembolso."),
        Map.entry("hi", "डिलीवरी फिर से देर से आई और किसी ने भी रिफंड के बारे में मेरे ईमेल का जवाब नहीं दिया।"));
    samples.forEach((lang, text) -> assertThat(DETECTOR.detect(text).code()).as(text).isEqualTo(lang));
  }

  /** ISO 639-1 wherever the language has a code: Bulgarian is bg, not the model's bul (which a consumer filtering on bg would miss). */
  @Test
  void everyLanguageWithATwoLetterCodeIsReportedByIt() {
    assertThat(DETECTOR.codes()).hasSize(103)
        .allSatisfy(code -> assertThat(code.length() == 2 || java.util.Set.of("ceb", "war", "nds", "gsw", "nan", "ast", "min").contains(code))
            .as(code).isTrue())
        .contains("bg", "ce", "fa", "et", "lv", "mg", "pa", "zh", "ar", "he", "id")
        .doesNotContain("iw", "in");
    assertThat(DETECTOR.detect("Доставката отново закъсня и никой не отговори на имейлите ми за възстановяване на парите.").code()).isEqualTo("bg");
    assertThat(DETECTOR.detect("تحویل دوباره دیر شد و هیچ کس به ایمیل های من در مورد بازپرداخت پاسخ نداد.").code()).isEqualTo("fa");
  }

  @Test
  void tooShortEmptyOrGarbageIsUnknownNotAnError() {
    assertThat(DETECTOR.detect(null).code()).isEqualTo(DetectedLanguage.UNKNOWN);
    assertThat(DETECTOR.detect("").code()).isEqualTo(DetectedLanguage.UNKNOWN);
    assertThat(DETECTOR.detect("   \n\t ").code()).isEqualTo(DetectedLanguage.UNKNOWN);
    assertThat(DETECTOR.detect("ok").code()).isEqualTo(DetectedLanguage.UNKNOWN);
    assertThat(DETECTOR.detect("1234 5678 !!! ??? :-)").code()).isEqualTo(DetectedLanguage.UNKNOWN);
    String binary = new String(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, 27, 127, 3, 4, 5}, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(DETECTOR.detect(binary)).isNotNull();
  }

  @Test
  void confidenceIsAProbability() {
    DetectedLanguage d = DETECTOR.detect("Wonderful shoes, I love them and would buy them again.");
    assertThat(d.confidence()).isBetween(0.0, 1.0);
    assertThat(d.isKnown()).isTrue();
  }
}
