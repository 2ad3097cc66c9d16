package org.trialledger.anchoring.ots;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The operations of the reference's {@code op.py}, with their one-byte tags. */
public enum OpKind {
  SHA1(0x02, "sha1", 20),
  RIPEMD160(0x03, "ripemd160", 20),
  SHA256(0x08, "sha256", 32),
  KECCAK256(0x67, "keccak256", 32),
  APPEND(0xf0, "append", 0),
  PREPEND(0xf1, "prepend", 0),
  REVERSE(0xf2, "reverse", 0),
  HEXLIFY(0xf3, "hexlify", 0);

  /** The reference's {@code Op.MAX_MSG_LENGTH} and {@code MAX_RESULT_LENGTH}. */
  public static final int MAX_MESSAGE_LENGTH = 4096;

  private final int tag;
  private final String label;
  private final int digestLength;

  OpKind(int tag, String label, int digestLength) {
    this.tag = tag;
    this.label = label;
    this.digestLength = digestLength;
  }

  public int tag() {
    return tag;
  }

  public String label() {
    return label;
  }

  /** Append and prepend carry an argument; all others are unary. */
  public boolean isBinary() {
    return this == APPEND || this == PREPEND;
  }

  /** Hash ops: the only ones allowed as a detached file's hash op. */
  public boolean isHash() {
    return digestLength > 0;
  }

  /** Digest length of a hash op, 0 for the others. */
  public int digestLength() {
    return digestLength;
  }

  /** Hexlify doubles its input, so the reference caps that input at half the result limit. */
  int maxInputLength() {
    return this == HEXLIFY ? MAX_MESSAGE_LENGTH / 2 : MAX_MESSAGE_LENGTH;
  }

  /** The kind with this tag, or null. */
  public static OpKind fromTag(int tag) {
    for (OpKind k : values()) if (k.tag == tag) return k;
    return null;
  }

  /** The digest of {@code data} (a hash op only). */
  public byte[] hash(byte[] data) {
    Digest d =
        switch (this) {
          case SHA1 -> new SHA1Digest();
          case RIPEMD160 -> new RIPEMD160Digest();
          case SHA256 -> new SHA256Digest();
          case KECCAK256 -> new KeccakDigest(256);
          default -> throw new IllegalStateException(this + " is not a hash op");
        };
    d.update(data, 0, data.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
