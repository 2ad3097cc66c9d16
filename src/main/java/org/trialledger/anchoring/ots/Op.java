package org.trialledger.anchoring.ots;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One edge of a timestamp tree: an operation and, for append/prepend, its argument. Immutable.
 * Ordered as the reference sorts ops for serialization: by tag (unsigned), then by argument bytes.
 */
public final class Op implements Comparable<Op> {
  private static final byte[] NO_ARG = new byte[0];

  private final OpKind kind;
  private final byte[] arg;

  private Op(OpKind kind, byte[] arg) {
    this.kind = kind;
    this.arg = arg;
  }

  public static Op sha256() {
    return new Op(OpKind.SHA256, null);
  }

  public static Op append(byte[] suffix) {
    return binary(OpKind.APPEND, suffix);
  }

  public static Op prepend(byte[] prefix) {
    return binary(OpKind.PREPEND, prefix);
  }

  /** A unary op (hashes, reverse, hexlify). */
  public static Op unary(OpKind kind) {
    if (kind.isBinary()) throw new IllegalArgumentException(kind + " needs an argument");
    return new Op(kind, null);
  }

  /** Append or prepend; the reference requires an argument of 1 to 4096 bytes. */
  public static Op binary(OpKind kind, byte[] arg) {
    if (!kind.isBinary()) throw new IllegalArgumentException(kind + " takes no argument");
    if (arg.length < 1 || arg.length > OpKind.MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          kind.label() + " argument must be 1-4096 bytes, got " + arg.length);
    }
    return new Op(kind, arg.clone());
  }

  public OpKind kind() {
    return kind;
  }

  /** The argument of append/prepend (a copy), or an empty array for unary ops. */
  public byte[] arg() {
    return arg == null ? NO_ARG : arg.clone();
  }

  /**
   * The op's result on {@code message}, under the reference's limits.
   *
   * @throws IllegalArgumentException if the message or the result exceeds them, or the message is
   *     empty
   */
  public byte[] apply(byte[] message) {
    if (message.length > kind.maxInputLength()) {
      throw new IllegalArgumentException(
          kind.label() + ": message too long, " + message.length + " > " + kind.maxInputLength());
    }
    byte[] result =
        switch (kind) {
          case APPEND -> concat(message, arg);
          case PREPEND -> concat(arg, message);
          case REVERSE -> reversed(requireNonEmpty(message));
          case HEXLIFY ->
              HexFormat.of()
                  .formatHex(requireNonEmpty(message))
                  .getBytes(StandardCharsets.US_ASCII);
          default -> kind.hash(message);
        };
    if (result.length > OpKind.MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          kind.label() + ": result too long, " + result.length + " > " + OpKind.MAX_MESSAGE_LENGTH);
    }
    return result;
  }

  void writeTo(ByteWriter w) {
    w.writeByte(kind.tag());
    if (arg != null) w.writeVarbytes(arg);
  }

  @Override
  public int compareTo(Op o) {
    int c = Integer.compare(kind.tag(), o.kind.tag());
    return c != 0
        ? c
        : Arrays.compareUnsigned(arg == null ? NO_ARG : arg, o.arg == null ? NO_ARG : o.arg);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Op other && kind == other.kind && Arrays.equals(arg, other.arg);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(arg);
  }

  @Override
  public String toString() {
    return arg == null ? kind.label() : kind.label() + " " + HexFormat.of().formatHex(arg);
  }

  private static byte[] requireNonEmpty(byte[] message) {
    // An empty message would let the commitment graph have a cycle; the reference refuses it.
    if (message.length == 0) throw new IllegalArgumentException("empty message");
    return message;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] reversed(byte[] m) {
    byte[] out = new byte[m.length];
    for (int i = 0; i < m.length; i++) out[i] = m[m.length - 1 - i];
    return out;
  }
}
