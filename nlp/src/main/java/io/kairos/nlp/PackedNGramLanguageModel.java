package io.kairos.nlp;

import java.util.Map;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * OpenNLP's language-detector model evaluated without building a string per n-gram. The model's
 * features are the distinct lower-cased character 1-, 2- and 3-grams of the normalized text, each
 * with value 1; here each n-gram is packed into a {@code long} (length and up to three UTF-16
 * units) and looked up in a primitive table built once from the model's parameters. The
 * probabilities are the model's own: uniform prior, sum of the active parameters per language,
 * softmax ({@code PackedNGramLanguageModelTest} compares them with {@code LanguageDetectorME}).
 * Immutable and thread-safe; the per-call scratch space is per thread.
 */
final class PackedNGramLanguageModel {

  private static final int MIN_N = 1;
  private static final int MAX_N = 3;

  /** Predicates with at least this many languages are stored densely and summed as whole vectors. */
  private static final int DENSE_FROM = 24;
  private static final int DENSE = 1 << 30;

  private final String[] languages;
  /** Packed n-gram to its parameters: an offset into the sparse arrays, or {@link #DENSE} | a dense row. */
  private final LongIntMap predicates;
  private final int[] sparseStart;
  private final int[] sparseLanguages;
  private final double[] sparseParameters;
  /** One row of {@code languages.length} parameters per dense predicate (0 where the model has none). */
  private final double[] dense;
  private final ThreadLocal<Scratch> scratch;

  private PackedNGramLanguageModel(String[] languages, LongIntMap predicates, int[] sparseStart, int[] sparseLanguages,
      double[] sparseParameters, double[] dense) {
    this.languages = languages;
    this.predicates = predicates;
    this.sparseStart = sparseStart;
    this.sparseLanguages = sparseLanguages;
    this.sparseParameters = sparseParameters;
    this.dense = dense;
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(languages.length));
  }

  @SuppressWarnings("unchecked")
  static PackedNGramLanguageModel of(LanguageDetectorModel model) {
    AbstractModel maxent = (AbstractModel) model.getMaxentModel();
    Object[] data = maxent.getDataStructures();
    Map<String, Context> pmap = (Map<String, Context>) data[1];
    String[] languages = (String[]) data[2];
    int width = languages.length;
    int sparseCount = 0;
    int sparseTotal = 0;
    int denseCount = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      int k = e.getValue().getOutcomes().length;
      if (!producible(e.getKey())) {
        continue;
      } else if (k >= DENSE_FROM) {
        denseCount++;
      } else {
        sparseCount++;
        sparseTotal += k;
      }
    }
    LongIntMap predicates = new LongIntMap(pmap.size());
    int[] sparseStart = new int[sparseCount + 1];
    int[] sparseLanguages = new int[sparseTotal];
    double[] sparseParameters = new double[sparseTotal];
    double[] dense = new double[denseCount * width];
    int sparse = 0;
    int offset = 0;
    int row = 0;
    for (Map.Entry<String, Context> e : pmap.entrySet()) {
      String ngram = e.getKey();
      if (!producible(ngram)) {
        continue;
      }
      long key = pack(ngram.toCharArray(), 0, ngram.length());
      int[] os = e.getValue().getOutcomes();
      double[] ps = e.getValue().getParameters();
      if (os.length >= DENSE_FROM) {
        for (int k = 0; k < os.length; k++) {
          dense[row * width + os[k]] = ps[k];
        }
        predicates.put(key, DENSE | row++);
      } else {
        System.arraycopy(os, 0, sparseLanguages, offset, os.length);
        System.arraycopy(ps, 0, sparseParameters, offset, ps.length);
        predicates.put(key, sparse);
        sparseStart[sparse] = offset;
        offset += os.length;
        sparseStart[++sparse] = offset;
      }
    }
    return new PackedNGramLanguageModel(languages, predicates, sparseStart, sparseLanguages, sparseParameters, dense);
  }

  /** Only 1- to 3-grams occur in texts; a longer predicate, if a model had one, could never fire. */
  private static boolean producible(String ngram) {
    return ngram.length() >= MIN_N && ngram.length() <= MAX_N;
  }

  /** The model's language codes (ISO 639-3), in the order of {@link #probabilities}. */
  String[] languages() {
    return languages.clone();
  }

  String language(int index) {
    return languages[index];
  }

  /**
   * Probability of each language for a text already passed through {@link LangDetectNormalization}.
   * The returned array belongs to this thread and is overwritten by its next call.
   */
  double[] probabilities(String normalized) {
    Scratch s = scratch.get();
    char[] chars = lowerCase(normalized, s);
    int length = s.length;
    double[] sums = s.sums;
    java.util.Arrays.fill(sums, 0); // the uniform prior is a constant; the softmax cancels it
    LongSet seen = s.seen(length * MAX_N);
    for (int n = MIN_N; n <= MAX_N; n++) {
      for (int i = 0; i + n <= length; i++) {
        long key = pack(chars, i, n);
        if (!seen.add(key)) {
          continue; // features are distinct n-grams, each with value 1
        }
        int p = predicates.get(key);
        if (p < 0) {
          continue;
        }
        if ((p & DENSE) != 0) {
          int base = (p & ~DENSE) * sums.length;
          for (int o = 0; o < sums.length; o++) {
            sums[o] += dense[base + o];
          }
        } else {
          for (int k = sparseStart[p]; k < sparseStart[p + 1]; k++) {
            sums[sparseLanguages[k]] += sparseParameters[k];
          }
        }
      }
    }
    return Softmax.inPlace(sums);
  }

  /** Lower-cases per code point, as OpenNLP's n-gram model does, into the thread's buffer. */
  private static char[] lowerCase(String text, Scratch s) {
    char[] buf = s.buffer(text.length() * 2);
    int length = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      length += Character.toChars(Character.toLowerCase(cp), buf, length);
    }
    s.length = length;
    return buf;
  }

  private static long pack(char[] s, int from, int n) {
    long key = n;
    for (int i = 0; i < n; i++) {
      key = (key << 16) | s[from + i];
    }
    return key;
  }

  /** Per-thread buffers: lower-cased text, per-language sums, and the n-grams seen in this text. */
  private static final class Scratch {
    final double[] sums;
    char[] chars = new char[1024];
    int length;
    LongSet seen = new LongSet(512); // 160 characters give at most 480 n-grams; grows for longer input

    Scratch(int languages) {
      sums = new double[languages];
    }

    char[] buffer(int capacity) {
      if (chars.length < capacity) {
        chars = new char[capacity];
      }
      return chars;
    }

    LongSet seen(int expected) {
      if (seen.capacity() < expected * 2) {
        seen = new LongSet(expected);
      }
      seen.clear();
      return seen;
    }
  }
}
