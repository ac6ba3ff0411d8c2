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
    unsigned((v << 1) ^ (v >> 63));
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

  /** Null is 0; dictionary word {@code i} is {@code 2i+1}; a literal of {@code n} UTF-8 bytes is {@code 2(n+1)} then the bytes. */
  void text(String s) throws IOException {
    if (s == null) {
      unsigned(0);
      return;
    }
    Integer word = words.get(s);
    if (word != null) {
      unsigned(2L * word + 1);
      return;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    unsigned(2L * (utf8.length + 1));
    out.write(utf8);
  }
}
