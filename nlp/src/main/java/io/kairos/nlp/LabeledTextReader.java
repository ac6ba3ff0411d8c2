package io.kairos.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads UTF-8 TSV files with a header line naming a text column ({@code text} or
 * {@code sentence}) and a {@code label} column. Labels are negative, neutral or positive;
 * the SST-2 convention (0 = negative, 1 = positive) is accepted too.
 */
public final class LabeledTextReader {

  private LabeledTextReader() {}

  public static List<LabeledText> read(Path file) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IOException(file + ": empty file, expected a header line text<TAB>label");
      }
      String[] columns = header.split("\t", -1);
      int textCol = indexOf(columns, "text", "sentence");
      int labelCol = indexOf(columns, "label");
      if (textCol < 0 || labelCol < 0) {
        throw new IOException(file + ": header must name a text (or sentence) column and a label column, got: " + header);
      }
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length <= Math.max(textCol, labelCol)) {
          throw new IOException(file + ":" + lineNo + ": expected " + columns.length + " columns");
        }
        out.add(new LabeledText(cells[textCol].strip(), normalizeLabel(cells[labelCol], file, lineNo)));
      }
    }
    return out;
  }

  static String normalizeLabel(String raw, Path file, int lineNo) throws IOException {
    String label = raw.strip().toLowerCase(Locale.ROOT);
    return switch (label) {
      case "0", "negative", "neg" -> "negative";
      case "1", "positive", "pos" -> "positive";
      case "neutral", "neu" -> "neutral";
      default -> throw new IOException(file + ":" + lineNo + ": unknown label '" + raw + "' (negative, neutral, positive, 0 or 1)");
    };
  }

  private static int indexOf(String[] columns, String... names) {
    for (int i = 0; i < columns.length; i++) {
      for (String name : names) {
        if (columns[i].strip().equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    return -1;
  }
}
