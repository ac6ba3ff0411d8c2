package io.kairos.models;

/**
 * Rows already turned into model inputs: a row-major {@code rows × width} matrix and 0/1 labels
 * (labels are empty when unknown, as when scoring).
 */
public record EncodedRows(float[] x, float[] y, int rows, int width) {

  public static EncodedRows of(Preprocessor pre, CsvTable table, int[] rowIndexes, float[] labels) {
    int width = pre.width();
    float[] x = new float[rowIndexes.length * width];
    float[] y = new float[labels == null ? 0 : rowIndexes.length];
    for (int i = 0; i < rowIndexes.length; i++) {
      System.arraycopy(pre.transformRow(table, rowIndexes[i]), 0, x, i * width, width);
      if (labels != null) {
        y[i] = labels[rowIndexes[i]];
      }
    }
    return new EncodedRows(x, y, rowIndexes.length, width);
  }

  public double positiveRate() {
    double s = 0;
    for (float v : y) s += v;
    return y.length == 0 ? 0 : s / y.length;
  }
}
