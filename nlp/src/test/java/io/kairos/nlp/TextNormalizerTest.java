package io.kairos.nlp;

import static org.assertj.core.api.Assertions.assertThat;

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
}
