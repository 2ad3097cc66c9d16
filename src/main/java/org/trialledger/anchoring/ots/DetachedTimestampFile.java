package org.trialledger.anchoring.ots;

import static org.trialledger.anchoring.ots.OtsFormatException.Reason.BAD_MAGIC;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.UNKNOWN_FILE_HASH_OP;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.UNSUPPORTED_MAJOR_VERSION;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code .ots} file: header, the stamped file's hash op and digest, and the timestamp tree on
 * that digest. A proof read from bytes keeps them, so that it is written back exactly as its author
 * wrote it (other clients write branches in other orders, and the reference reads them); a proof
 * built or changed here is written in the reference's canonical form.
 */
public final class DetachedTimestampFile {
  static final byte[] MAGIC =
      HexFormat.of().parseHex("004f70656e54696d657374616d7073000050726f6f6600bf89e2e884e89294");
  public static final int MAJOR_VERSION = 1;

  private final OpKind fileHashOp;
  private final Timestamp timestamp;
  private final byte[] encoded;

  public DetachedTimestampFile(OpKind fileHashOp, Timestamp timestamp) {
    this(fileHashOp, timestamp, null);
  }

  private DetachedTimestampFile(OpKind fileHashOp, Timestamp timestamp, byte[] encoded) {
    if (!fileHashOp.isHash()) throw new IllegalArgumentException(fileHashOp + " is not a hash op");
    if (timestamp.message().length != fileHashOp.digestLength()) {
      throw new IllegalArgumentException("digest length does not match " + fileHashOp.label());
    }
    this.fileHashOp = fileHashOp;
    this.timestamp = timestamp;
    this.encoded = encoded;
  }

  public OpKind fileHashOp() {
    return fileHashOp;
  }

  public Timestamp timestamp() {
    return timestamp;
  }

  public byte[] fileDigest() {
    return timestamp.message();
  }

  /**
   * The same file digest with another tree (after a calendar's answer or an upgrade was merged).
   */
  public DetachedTimestampFile withTimestamp(Timestamp newTimestamp) {
    return new DetachedTimestampFile(fileHashOp, newTimestamp);
  }

  /**
   * The proof with {@code subtree} merged wherever its message occurs (an upgrade from a calendar).
   */
  public DetachedTimestampFile mergeAt(Timestamp subtree) {
    return withTimestamp(timestamp.mergeAt(subtree));
  }

  /** Each pending attestation with the message at its node: what to ask its calendar about. */
  public List<PendingCommitment> pendingCommitments() {
    List<PendingCommitment> out = new ArrayList<>();
    for (Timestamp.AttestedMessage am : timestamp.allAttestations()) {
      if (am.attestation() instanceof PendingAttestation p)
        out.add(new PendingCommitment(p.uri(), am.message()));
    }
    return out;
  }

  /** A calendar URI and the commitment it holds for this proof. */
  public record PendingCommitment(String calendarUri, byte[] commitment) {}

  /** The bytes this proof was read from, or its canonical form if it was built here. */
  public byte[] serialize() {
    return encoded != null ? encoded.clone() : canonicalBytes();
  }

  /** Whether {@link #serialize()} gives the reference's canonical form. */
  public boolean isCanonical() {
    return encoded == null || Arrays.equals(encoded, canonicalBytes());
  }

  /** The reference's canonical form: sorted, distinct branches and minimal varuints. */
  public byte[] canonicalBytes() {
    ByteWriter w =
        new ByteWriter().writeBytes(MAGIC).writeVaruint(MAJOR_VERSION).writeByte(fileHashOp.tag());
    w.writeBytes(timestamp.message());
    TimestampCodec.write(timestamp, w);
    return w.toByteArray();
  }

  /**
   * Parses a whole {@code .ots} file as the Python reference reads it: branches in any order (a
   * repeated one as the reference merges it) and non-minimal varuints are accepted; anything the
   * reference refuses is refused, and so are heights beyond 2^63. {@link #serialize()} gives back
   * the same bytes.
   */
  public static DetachedTimestampFile parse(byte[] bytes) throws OtsFormatException {
    return parse(bytes, false);
  }

  /**
   * Parses only the reference's canonical form (what we write ourselves): refuses, as {@link
   * OtsFormatException.Reason#NON_CANONICAL}, what the reference reads but never writes.
   */
  public static DetachedTimestampFile parseCanonical(byte[] bytes) throws OtsFormatException {
    return parse(bytes, true);
  }

  private static DetachedTimestampFile parse(byte[] bytes, boolean canonical)
      throws OtsFormatException {
    if (bytes.length < MAGIC.length
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new OtsFormatException(BAD_MAGIC, 0, "not an OpenTimestamps proof (bad header magic)");
    }
    ByteReader in = new ByteReader(bytes, canonical);
    in.readBytes(MAGIC.length);
    int versionAt = in.position();
    long major = in.readVaruint();
    if (major != MAJOR_VERSION) {
      throw new OtsFormatException(
          UNSUPPORTED_MAJOR_VERSION, versionAt, "major version " + major + " is not 1");
    }
    int tag = in.readByte();
    OpKind op = OpKind.fromTag(tag);
    if (op == null || !op.isHash()) {
      throw new OtsFormatException(
          UNKNOWN_FILE_HASH_OP,
          in.position() - 1,
          String.format("0x%02x is not a file hash op", tag));
    }
    byte[] digest = in.readBytes(op.digestLength());
    Timestamp t = TimestampCodec.read(in, digest, 0, canonical);
    in.requireEnd();
    return new DetachedTimestampFile(op, t, bytes.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DetachedTimestampFile d
        && fileHashOp == d.fileHashOp
        && timestamp.equals(d.timestamp);
  }

  @Override
  public int hashCode() {
    return fileHashOp.hashCode() * 31 + timestamp.hashCode();
  }

  @Override
  public String toString() {
    return "DetachedTimestampFile["
        + fileHashOp.label()
        + " "
        + HexFormat.of().formatHex(timestamp.message())
        + "]";
  }
}
