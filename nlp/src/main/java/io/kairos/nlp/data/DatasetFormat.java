package io.kairos.nlp.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kairos.nlp.LabeledText;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The native formats of the datasets in {@code ../shared/data}, each read into labelled texts with
 * labels negative, neutral or positive.
 */
public enum DatasetFormat {

  /** UMSAB (XLM-T) tweets: a language folder with {@code <split>_text.txt} and {@code <split>_labels.txt}; 0/1/2 = negative/neutral/positive. */
  UMSAB {
    @Override
    public List<LabeledText> read(Path input, String split) throws IOException {
      List<String> texts = Files.readAllLines(input.resolve(split + "_text.txt"), StandardCharsets.UTF_8);
      List<String> labels = Files.readAllLines(input.resolve(split + "_labels.txt"), StandardCharsets.UTF_8);
      if (texts.size() != labels.size()) {
        throw new IOException(input + ": " + texts.size() + " texts but " + labels.size() + " labels for split " + split);
      }
      List<LabeledText> out = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        String label = switch (labels.get(i).strip()) {
          case "0" -> "negative";
          case "1" -> "neutral";
          case "2" -> "positive";
          default -> throw new IOException(input + ": unknown label '" + labels.get(i) + "' on line " + (i + 1));
        };
        out.add(new LabeledText(unescape(texts.get(i)), label));
      }
      return out;
    }
  },

  /** SentiRuEval-2016 CSV: {@code text} and {@code tweet_label} (-1/0/1); {@code mixed} rows (companies disagree) are left out. */
  SENTIRUEVAL {
    @Override
    public List<LabeledText> read(Path input, String split) throws IOException {
      List<LabeledText> out = new ArrayList<>();
      for (CSVRecord r : csv(input)) {
        if ("mixed".equals(r.get("tweet_label").strip())) {
          continue;
        }
        String label = switch (r.get("tweet_label").strip()) {
          case "-1" -> "negative";
          case "0" -> "neutral";
          case "1" -> "positive";
          default -> throw new IOException(input + ": unknown tweet_label '" + r.get("tweet_label") + "'");
        };
        out.add(new LabeledText(r.get("text"), label));
      }
      return out;
    }
  },

  /** ChnSentiCorp hotel reviews CSV: {@code label} (0/1) and {@code review}. */
  CHNSENTICORP {
    @Override
    public List<LabeledText> read(Path input, String split) throws IOException {
      List<LabeledText> out = new ArrayList<>();
      for (CSVRecord r : csv(input)) {
        out.add(new LabeledText(r.get("review"), "1".equals(r.get("label").strip()) ? "positive" : "negative"));
      }
      return out;
    }
  },

  /** ASTD Arabic tweets TSV: NEG, POS, and OBJ or NEUTRAL (both read as neutral). */
  ASTD {
    @Override
    public List<LabeledText> read(Path input, String split) throws IOException {
      List<LabeledText> out = new ArrayList<>();
      List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
      for (String line : lines.subList(1, lines.size())) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
          continue;
        }
        String label = switch (line.substring(tab + 1).strip()) {
          case "NEG" -> "negative";
          case "POS" -> "positive";
          case "OBJ", "NEUTRAL" -> "neutral";
          default -> throw new IOException(input + ": unknown label in '" + line + "'");
        };
        out.add(new LabeledText(line.substring(0, tab), label));
      }
      return out;
    }
  },

  /** LaRoSeDa: a folder with {@code positive_reviews.json} and {@code negative_reviews.json} ({@code reviews[].title/content}). */
  LAROSEDA {
    @Override
    public List<LabeledText> read(Path input, String split) throws IOException {
      List<LabeledText> out = new ArrayList<>();
      ObjectMapper json = new ObjectMapper();
      for (String polarity : List.of("positive", "negative")) {
        JsonNode root = json.readTree(input.resolve(polarity + "_reviews.json").toFile());
        for (JsonNode review : root.path("reviews")) {
          out.add(new LabeledText((review.path("title").asText("") + ". " + review.path("content").asText("")).strip(), polarity));
        }
      }
      return out;
    }
  };

  private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  /** Reads the dataset; {@code split} names the split for formats that have several (UMSAB: train, val). */
  public abstract List<LabeledText> read(Path input, String split) throws IOException;

  static Iterable<CSVRecord> csv(Path file) throws IOException {
    Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
  }

  /** UMSAB stores some characters as literal escapes: a backslash, {@code u} and four hex digits. */
  static String unescape(String text) {
    Matcher m = ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(out);
    return out.toString().strip();
  }
}
