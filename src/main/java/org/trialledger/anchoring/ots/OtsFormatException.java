package org.trialledger.anchoring.ots;

/**
 * A proof, timestamp or attestation that this codec refuses. Checked on purpose: every byte we
 * parse comes from outside (a stored file, a calendar's answer, an uploaded proof), so callers must
 * decide what a bad one means for them.
 */
public final class OtsFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a proof was refused; stable codes for logs, APIs and tests. */
  public enum Reason {
    BAD_MAGIC,
    UNSUPPORTED_MAJOR_VERSION,
    UNKNOWN_FILE_HASH_OP,
    UNKNOWN_OP,
    TRUNCATED,
    TRAILING_BYTES,
    /**
     * A varbytes length outside the reference's bounds (op argument 1–4096, payload ≤ 8192, URI ≤
     * 1000).
     */
    LENGTH_OUT_OF_RANGE,
    /**
     * An op's input or result exceeds the reference's limits (4096 bytes; hexlify input ≤ 2048).
     */
    MESSAGE_TOO_LONG,
    RECURSION_LIMIT,
    INVALID_PENDING_URI,
    /** A known attestation whose payload is not exactly what its type defines. */
    BAD_ATTESTATION_PAYLOAD,
    /** A varuint that does not fit in 63 bits. */
    VARUINT_OVERFLOW,
    /**
     * Bytes the reference would read but never write: a non-minimal varuint, branches out of the
     * reference's sort order, or a duplicate branch. Refused so that every accepted proof
     * re-serializes byte for byte.
     */
    NON_CANONICAL
  }

  private final Reason reason;
  private final int offset;

  public OtsFormatException(Reason reason, int offset, String message) {
    super(reason + " at byte " + offset + ": " + message);
    this.reason = reason;
    this.offset = offset;
  }

  public Reason reason() {
    return reason;
  }

  /** Offset in the parsed input where the problem was found. */
  public int offset() {
    return offset;
  }
}
