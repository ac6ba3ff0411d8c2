package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.kairos.nlp.data.DatasetFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The converters read the real files in ../shared/data. */
class DatasetFormatTest {

  @Test
  void umsabIsBalancedThreeClassWithEscapesDecoded() throws Exception {
    List<LabeledText> rows = DatasetFormat.UMSAB.read(SharedData.file("umsab_xlmt_multilingual_tweets/english/train_text.txt").getParent(), "train");
    Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(LabeledText::label, Collectors.counting()));
    assertThat(counts).containsOnlyKeys("negative", "neutral", "positive");
    assertThat(rows).noneMatch(r -> r.text().contains("\\u2019"));
  }

  @Test
  void otherFormatsMapTheirLabels() throws Exception {
    assertThat(DatasetFormat.SENTIRUEVAL.read(SharedData.file("sentirueval2016_ru/sentirueval2016_tkk_train.csv"), null))
        .extracting(LabeledText::label).containsOnly("negative", "neutral", "positive");
    assertThat(DatasetFormat.CHNSENTICORP.read(SharedData.file("chnsenticorp_htl_zh/chnsenticorp_htl_train.csv"), null))
        .hasSize(6212).extracting(LabeledText::label).containsOnly("negative", "positive");
    assertThat(DatasetFormat.ASTD.read(SharedData.file("astd_ar/astd_train.tsv"), null))
        .extracting(LabeledText::label).containsOnly("negative", "neutral", "positive");
  }

  @Test
  void stratifiedSplitKeepsProportions() {
    List<LabeledText> all = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      all.add(new LabeledText("t" + i, i < 80 ? "negative" : "positive"));
    }
    List<List<LabeledText>> split = LabeledTextSplit.stratified(all, 0.2, 42);
    assertThat(split.get(1)).hasSize(20);
    assertThat(split.get(1).stream().filter(t -> t.label().equals("positive")).count()).isEqualTo(4);
    assertThat(split.get(0)).hasSize(80);
  }
}
