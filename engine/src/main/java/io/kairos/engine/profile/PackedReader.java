package io.kairos.engine.profile;

import java.io.DataInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads what {@link PackedWriter} wrote; a malformed or truncated input fails with an {@link IOException}. */
final class PackedReader {

  /** Longer texts than this are not something this codec wrote (profile texts are capped far below it). */
  private static final int MAX_TEXT_BYTES = 16 << 20;

  private final DataInput in;
  private final List<String> words;

  PackedReader(DataInput in, List<String> words) {
    this.in = in;
    this.words = words;
  }

  long unsigned() throws IOException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.readByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new IOException("varint longer than 10 bytes");
  }

  long signed() throws IOException {
    return unzigzag(unsigned());
  }

  static long unzigzag(long z) {
    return (z >>> 1) ^ -(z & 1);
  }

  /** An unsigned count or small number that must fit an int and not exceed {@code max}. */
  int count(int max) throws IOException {
    long n = unsigned();
    if (n > max) {
      throw new IOException("count " + n + " above " + max);
    }
    return (int) n;
  }

  double number() throws IOException {
    return in.readDouble();
  }

  boolean flag() throws IOException {
    return in.readByte() != 0;
  }

  int rawByte() throws IOException {
    return in.readUnsignedByte();
  }

  long rawLong() throws IOException {
    return in.readLong();
  }

  String text() throws IOException {
    long h = unsigned();
    if (h == 0) {
      return null;
    }
    if ((h & 1) == 1) {
      long word = h >>> 1;
      if (word >= words.size()) {
        throw new IOException("unknown dictionary word " + word);
      }
      return words.get((int) word);
    }
    boolean utf8 = (h & 3) == 2;
    long length = utf8 ? h >>> 2 : (h >>> 2) - 1;
    if (length > MAX_TEXT_BYTES) {
      throw new IOException("text of " + length + " bytes");
    }
    if (utf8) {
      byte[] bytes = new byte[(int) length];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
    char[] chars = new char[(int) length];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = in.readChar();
    }
    return new String(chars);
  }
}
