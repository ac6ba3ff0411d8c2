package io.kairos.engine.profile;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the small building blocks of {@link ProfileCodec}: variable-length integers (LEB128, zig-zag
 * for signed values), doubles as eight bytes, and texts that are either a word of a fixed dictionary
 * (one or two bytes) or UTF-8 with a varint length. {@link PackedReader} reads them back.
 */
final class PackedWriter {

  private final DataOutput out;
  private final Map<String, Integer> words;

  PackedWriter(DataOutput out, Map<String, Integer> words) {
    this.out = out;
    this.words = words;
  }

  void unsigned(long v) throws IOException {
    while ((v & ~0x7FL) != 0) {
      out.writeByte((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.writeByte((int) v);
  }

  void signed(long v) throws IOException {
    unsigned(zigzag(v));
  }

  /** Small magnitudes of either sign to small unsigned values: 0, -1, 1, -2… to 0, 1, 2, 3… */
  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  void number(double v) throws IOException {
    out.writeDouble(v);
  }

  void flag(boolean v) throws IOException {
    out.writeByte(v ? 1 : 0);
  }

  void rawByte(int v) throws IOException {
    out.writeByte(v);
  }

  void rawLong(long v) throws IOException {
    out.writeLong(v);
  }

  /**
   * Null is 0; dictionary word {@code i} is {@code 2i+1}; {@code n} bytes of UTF-8 are {@code 4n+2} then the
   * bytes; a string that UTF-8 cannot hold (a lone surrogate, which JSON's {@code \\ud800} escape can
   * produce) is {@code 4(n+1)} then its {@code n} UTF-16 chars, so every string reads back as it was.
   */
  void text(String s) throws IOException {
    if (s == null) {
      unsigned(0);
      return;
    }
    Integer word = words.get(s);
    if (word != null) {
      unsigned(2L * word + 1);
    } else if (hasLoneSurrogate(s)) {
      unsigned(4L * (s.length() + 1));
      out.writeChars(s);
    } else {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      unsigned(4L * utf8.length + 2);
      out.write(utf8);
    }
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
