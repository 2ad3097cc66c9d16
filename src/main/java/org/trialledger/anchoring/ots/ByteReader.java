package org.trialledger.anchoring.ots;

import static org.trialledger.anchoring.ots.OtsFormatException.Reason.LENGTH_OUT_OF_RANGE;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.NON_CANONICAL;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.TRAILING_BYTES;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.TRUNCATED;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.VARUINT_OVERFLOW;

import java.util.Arrays;

/** A cursor over untrusted bytes with the reference's primitive reads, each bounds-checked. */
final class ByteReader {
  private final byte[] data;
  private final boolean minimalOnly;
  private int pos;

  /** A reader that refuses non-minimal varuints (bytes the reference never writes). */
  ByteReader(byte[] data) {
    this(data, true);
  }

  /**
   * @param minimalOnly whether a varuint with a trailing zero group is refused; the reference reads
   *     it, so a reader of other tools' proofs accepts it
   */
  ByteReader(byte[] data, boolean minimalOnly) {
    this.data = data;
    this.minimalOnly = minimalOnly;
  }

  boolean minimalOnly() {
    return minimalOnly;
  }

  int position() {
    return pos;
  }

  int readByte() throws OtsFormatException {
    if (pos >= data.length) throw fail(TRUNCATED, "expected 1 more byte");
    return data[pos++] & 0xff;
  }

  byte[] readBytes(int n) throws OtsFormatException {
    if (n > data.length - pos) {
      throw fail(TRUNCATED, "expected " + n + " bytes, " + (data.length - pos) + " left");
    }
    byte[] out = Arrays.copyOfRange(data, pos, pos + n);
    pos += n;
    return out;
  }

  /**
   * LEB128; when {@code minimalOnly}, as the reference writes it, so a trailing zero group is
   * refused.
   */
  long readVaruint() throws OtsFormatException {
    int start = pos;
    long value = 0;
    int shift = 0;
    while (true) {
      // Nine 7-bit groups hold 63 bits; a tenth byte can only overflow a long or be padding.
      if (shift == 63)
        throw new OtsFormatException(VARUINT_OVERFLOW, start, "varuint does not fit in 63 bits");
      int b = readByte();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        if (minimalOnly && b == 0 && shift > 0)
          throw new OtsFormatException(NON_CANONICAL, start, "non-minimal varuint");
        return value;
      }
      shift += 7;
    }
  }

  byte[] readVarbytes(int min, int max) throws OtsFormatException {
    int start = pos;
    long len = readVaruint();
    if (len < min || len > max) {
      throw new OtsFormatException(
          LENGTH_OUT_OF_RANGE,
          start,
          "varbytes length " + len + " outside [" + min + ", " + max + "]");
    }
    return readBytes((int) len);
  }

  boolean atEnd() {
    return pos == data.length;
  }

  void requireEnd() throws OtsFormatException {
    if (!atEnd())
      throw fail(TRAILING_BYTES, (data.length - pos) + " bytes after the end of the proof");
  }

  OtsFormatException fail(OtsFormatException.Reason reason, String message) {
    return new OtsFormatException(reason, pos, message);
  }
}
