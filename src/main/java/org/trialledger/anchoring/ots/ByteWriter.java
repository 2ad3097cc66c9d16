package org.trialledger.anchoring.ots;

import java.io.ByteArrayOutputStream;

/** The reference's primitive writes. */
final class ByteWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ByteWriter writeByte(int b) {
    out.write(b);
    return this;
  }

  ByteWriter writeBytes(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  ByteWriter writeVaruint(long value) {
    if (value < 0) throw new IllegalArgumentException("negative varuint");
    do {
      int b = (int) (value & 0x7f);
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
    return this;
  }

  ByteWriter writeVarbytes(byte[] bytes) {
    return writeVaruint(bytes.length).writeBytes(bytes);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
