package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.nlp.data.DatasetFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

  final TextNormalizer normalizer = new TextNormalizer();

  @Test
  void marksNegationUntilClausePunctuation() {
    assertThat(normalizer.tokens("This is NOT good, but fine"))
        .containsExactly("this", "is", "not", "NOT_good", ",", "but", "fine");
    assertThat(normalizer.tokens("I didn't like it")).containsExactly("i", "didn't", "NOT_like", "NOT_it");
  }

  @Test
  void replacesUrlsMentionsNumbersAndShortensElongation() {
    assertThat(normalizer.tokens("@bob sooooo good http://x.y/z 42"))
        .containsExactly("_user_", "soo", "good", "_url_", "_num_");
  }

  @Test
  void emptyAndBlankTextHaveNoTokens() {
    assertThat(normalizer.tokens(null)).isEmpty();
    assertThat(normalizer.tokens("   ")).isEmpty();
  }

  @Test
  void sameTokensAsTheRegexVersionTheModelsWereTrainedOn() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String lang : List.of("arabic", "english", "french", "german", "hindi", "italian", "portuguese", "spanish")) {
      for (String split : List.of("train", "val")) {
        DatasetFormat.UMSAB.read(SharedData.file("umsab_xlmt_multilingual_tweets/" + lang + "/val_text.txt").getParent(), split)
            .forEach(t -> texts.add(t.text()));
      }
    }
    LabeledTextReader.read(SharedData.file("sst2/train.tsv")).stream().limit(5000).forEach(t -> texts.add(t.text()));
    DatasetFormat.SENTIRUEVAL.read(SharedData.file("sentirueval2016_ru/sentirueval2016_tkk_train.csv"), null)
        .forEach(t -> texts.add(t.text()));
    DatasetFormat.CHNSENTICORP.read(SharedData.file("chnsenticorp_htl_zh/chnsenticorp_htl_train.csv"), null)
        .forEach(t -> texts.add(t.text()));
    DatasetFormat.ASTD.read(SharedData.file("astd_ar/astd_train.tsv"), null).forEach(t -> texts.add(t.text()));
    texts.addAll(List.of("", " \u2003 ", "@", "@@x", "a@b_c!d", "@café", "aaa@aaa", "ÇÇÇa", "好好好好。", "ｶﾀｶﾅーー",
        "𝔸𝔸𝔸𝔸 𝔸𝔸", "12,5 1.2.3 ,5 5, 007", "wwwwww.x http://a.b/c?d=e,f www.", "HTTPS://X.Y don't NOT good",
        "\u001Cx\u001Cy\u001C", "tab\tnew\nline\u000Bvt\fff\rcr", "(a)\"b\"؟،", "\uD83D lone \uDE00", "x\u0000y"));
    RegexTextNormalizer reference = new RegexTextNormalizer();
    assertThat(texts).hasSizeGreaterThan(20_000);
    for (String t : texts) {
      assertThat(normalizer.tokens(t)).as(t).containsExactly(reference.tokens(t));
    }
  }
}
