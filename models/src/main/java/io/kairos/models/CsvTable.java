package io.kairos.models;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file with a header line, held in memory as strings. */
public final class CsvTable {

  private final List<String> header;
  private final List<String[]> rows;

  public CsvTable(List<String> header, List<String[]> rows) {
    this.header = List.copyOf(header);
    this.rows = rows;
  }

  public static CsvTable read(Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
      List<String> header = parser.getHeaderNames();
      List<String[]> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        if (record.size() != header.size()) {
          throw new IOException(file + ": line " + parser.getCurrentLineNumber() + " has " + record.size()
              + " cells, header has " + header.size());
        }
        rows.add(record.values());
      }
      if (header.isEmpty()) {
        throw new IOException(file + " is empty: expected a header line and rows");
      }
      return new CsvTable(header, rows);
    }
  }

  public List<String> header() {
    return header;
  }

  public int size() {
    return rows.size();
  }

  public int columnIndex(String name) {
    return header.indexOf(name);
  }

  public String get(int row, String column) {
    int i = columnIndex(column);
    return i < 0 ? null : rows.get(row)[i];
  }

  public List<String> column(String name) {
    int i = columnIndex(name);
    if (i < 0) {
      throw new IllegalArgumentException("no column '" + name + "'");
    }
    List<String> out = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      out.add(row[i]);
    }
    return out;
  }

  /** Each row as a column-name lookup, the shape {@link PropensityModel#scoreAll} takes. */
  public List<java.util.function.Function<String, Object>> rowLookups() {
    List<java.util.function.Function<String, Object>> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      int row = r;
      out.add(name -> get(row, name));
    }
    return out;
  }

  /** Labels as 0/1: true/1/yes are positive, false/0/no negative; anything else is an error naming its line. */
  public float[] labels(String column) {
    if (columnIndex(column) < 0) {
      throw new IllegalArgumentException("label column '" + column + "' not in header " + header);
    }
    List<String> values = column(column);
    float[] y = new float[values.size()];
    for (int i = 0; i < y.length; i++) {
      String v = values.get(i).strip().toLowerCase(java.util.Locale.ROOT);
      switch (v) {
        case "true", "1", "yes", "1.0" -> y[i] = 1f;
        case "false", "0", "no", "0.0" -> y[i] = 0f;
        default -> throw new IllegalArgumentException("line " + line(i) + ", column " + column + ": label '" + values.get(i)
            + "' is not one of true/false, 1/0, yes/no");
      }
    }
    return y;
  }

  /** The file line of row {@code row} (the header is line 1). */
  public static int line(int row) {
    return row + 2;
  }
}
