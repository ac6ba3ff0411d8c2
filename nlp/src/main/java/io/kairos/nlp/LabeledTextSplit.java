package io.kairos.nlp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded, stratified train/validation splits of labelled texts. */
public final class LabeledTextSplit {

  private LabeledTextSplit() {}

  /** Returns {@code [train, validation]}, each label split in the same proportion. */
  public static List<List<LabeledText>> stratified(List<LabeledText> all, double validationShare, long seed) {
    if (validationShare <= 0 || validationShare >= 1) {
      throw new IllegalArgumentException("validation share must be in (0, 1), got " + validationShare);
    }
    Map<String, List<LabeledText>> byLabel = new LinkedHashMap<>();
    for (LabeledText t : all) {
      byLabel.computeIfAbsent(t.label(), k -> new ArrayList<>()).add(t);
    }
    Random random = new Random(seed);
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> validation = new ArrayList<>();
    for (List<LabeledText> group : byLabel.values()) {
      List<LabeledText> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      int n = (int) Math.round(shuffled.size() * validationShare);
      validation.addAll(shuffled.subList(0, n));
      train.addAll(shuffled.subList(n, shuffled.size()));
    }
    Collections.shuffle(train, random);
    return List.of(train, validation);
  }
}
