package io.kairos.nlp;

import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;

/**
 * Word trigrams ({@code ng=a:b:c}, OpenNLP's n-gram feature names). Its own class because a
 * document-categorizer model records its feature generators by class name and recreates them with
 * the no-argument constructor, which for {@link NGramFeatureGenerator} means bigrams only.
 */
public final class WordTrigramFeatureGenerator implements FeatureGenerator {

  private final NGramFeatureGenerator trigrams;

  public WordTrigramFeatureGenerator() {
    try {
      this.trigrams = new NGramFeatureGenerator(3, 3);
    } catch (opennlp.tools.util.InvalidFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
    return List.copyOf(trigrams.extractFeatures(text, extraInformation));
  }
}
