package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kairos.nlp.data.DatasetFormat;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.util.normalizer.AggregateCharSequenceNormalizer;
import opennlp.tools.util.normalizer.EmojiCharSequenceNormalizer;
import opennlp.tools.util.normalizer.NumberCharSequenceNormalizer;
import opennlp.tools.util.normalizer.ShrinkCharSequenceNormalizer;
import opennlp.tools.util.normalizer.TwitterCharSequenceNormalizer;
import opennlp.tools.util.normalizer.UrlCharSequenceNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast detector path gives what OpenNLP's own {@link LanguageDetectorME} gives, on every UMSAB
 * validation tweet in eight languages, Russian, Chinese and Romanian reviews, and texts built to
 * hit each normalizer.
 */
class PackedNGramLanguageModelTest {

  static LanguageDetectorModel model;
  static List<String> texts = new ArrayList<>();

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in = PackedNGramLanguageModelTest.class.getResourceAsStream("/langdetect-183.bin")) {
      model = new LanguageDetectorModel(in);
    }
    for (String lang : List.of("arabic", "english", "french", "german", "hindi", "italian", "portuguese", "spanish")) {
      DatasetFormat.UMSAB.read(SharedData.file("umsab_xlmt_multilingual_tweets/" + lang + "/val_text.txt").getParent(), "val")
          .forEach(t -> texts.add(t.text()));
    }
    DatasetFormat.SENTIRUEVAL.read(SharedData.file("sentirueval2016_ru/sentirueval2016_tkk_train.csv"), null)
        .stream().limit(300).forEach(t -> texts.add(t.text()));
    DatasetFormat.CHNSENTICORP.read(SharedData.file("chnsenticorp_htl_zh/chnsenticorp_htl_train.csv"), null)
        .stream().limit(300).forEach(t -> texts.add(t.text()));
    texts.addAll(List.of(
        "", "   ", "a", "RT @user: hahaha LOL xD :-) ;p see https://t.co/abc and www.x.com mail me@x.org #tag",
        "jejeje que risa", "HaHaHHa", "hihihi", "soooo goood!!!!", "two  spaces\t\tand tabs", "exp expected box x)",
        "price 1234 and 5.6", "😀😀😀 emoji 🎉", "𝔸𝔸𝔸 supplementary", "İstanbul ΣΊΣΥΦΟΣ", "mixed русский и english 中文",
        "عربي مع English", "rt: rt rt: art", "\u0000\u0001 binary \uFFFF", "\uD83D lone high surrogate", "HA ha Ha hA"));
  }

  @Test
  void normalizationIsOpenNlpsChain() {
    AggregateCharSequenceNormalizer chain = new AggregateCharSequenceNormalizer(
        EmojiCharSequenceNormalizer.getInstance(), UrlCharSequenceNormalizer.getInstance(),
        TwitterCharSequenceNormalizer.getInstance(), NumberCharSequenceNormalizer.getInstance(),
        ShrinkCharSequenceNormalizer.getInstance());
    for (String t : texts) {
      assertThat(LangDetectNormalization.normalize(t)).as(t).isEqualTo(chain.normalize(t).toString());
    }
  }

  @Test
  void probabilitiesAreLanguageDetectorMes() {
    PackedNGramLanguageModel packed = PackedNGramLanguageModel.of(model);
    LanguageDetectorME reference = new LanguageDetectorME(model);
    String[] codes = packed.languages();
    int compared = 0;
    for (String t : texts) {
      double[] probs = packed.probabilities(LangDetectNormalization.normalize(t)).clone();
      for (Language l : reference.predictLanguages(t)) {
        int i = List.of(codes).indexOf(l.getLang());
        assertThat(probs[i]).as("%s in %s", l.getLang(), t).isCloseTo(l.getConfidence(), within(1e-9));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(texts.size() * codes.length);
  }
}
