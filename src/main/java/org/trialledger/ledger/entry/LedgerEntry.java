package org.trialledger.ledger.entry;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.TreeHasher;

/**
 * What one leaf of the log binds: artifact type, artifact id, version, the content hash (or salted
 * commitment) and the time it was queued. Its bytes (docs/ledger-format.md, "Entry"):
 *
 * <pre>
 *   u8   format version = 1
 *   u8   content kind: 0 = SHA-256 of the content, 1 = salted commitment
 *   u16  length of type,  then the type in UTF-8 (1–64 bytes, [A-Z0-9_])
 *   u16  length of id,    then the id in UTF-8 (1–256 bytes)
 *   u32  artifact version (≥ 1)
 *   32   content hash
 *   i64  queued at, milliseconds since 1970-01-01T00:00:00Z
 * </pre>
 *
 * All integers big-endian. Decoding is strict: a wrong version, kind, length or trailing byte is
 * refused.
 */
public record LedgerEntry(
    Kind kind,
    String artifactType,
    String artifactId,
    int version,
    Hash contentHash,
    Instant queuedAt) {
  public static final int FORMAT_VERSION = 1;
  private static final int MAX_TYPE = 64;
  private static final int MAX_ID = 256;

  /** How the content hash was made. */
  public enum Kind {
    /** SHA-256 of a file's bytes or of a record's canonical JSON. */
    HASH,
    /** SHA-256(salt ‖ canonical JSON) of a record holding personal data. */
    COMMITMENT
  }

  public LedgerEntry {
    if (kind == null || contentHash == null || queuedAt == null)
      throw new IllegalArgumentException("kind, content hash and time are required");
    if (artifactType == null || !artifactType.matches("[A-Z0-9_]{1,64}")) {
      throw new IllegalArgumentException("The artifact type is 1–64 of A–Z, 0–9 and _");
    }
    if (artifactId == null || artifactId.isEmpty() || utf8(artifactId).length > MAX_ID) {
      throw new IllegalArgumentException("The artifact id is 1–256 bytes of UTF-8");
    }
    if (version < 1) throw new IllegalArgumentException("The version is ≥ 1");
    if (queuedAt.getNano() % 1_000_000 != 0)
      throw new IllegalArgumentException("The time has millisecond precision");
  }

  public byte[] encode() {
    byte[] type = utf8(artifactType);
    byte[] id = utf8(artifactId);
    ByteBuffer b = ByteBuffer.allocate(2 + 2 + type.length + 2 + id.length + 4 + Hash.LENGTH + 8);
    b.put((byte) FORMAT_VERSION);
    b.put((byte) kind.ordinal());
    b.putShort((short) type.length).put(type);
    b.putShort((short) id.length).put(id);
    b.putInt(version);
    b.put(contentHash.bytes());
    b.putLong(queuedAt.toEpochMilli());
    return b.array();
  }

  /** SHA-256(0x00 ‖ entry): the leaf hash of this entry in the log. */
  public Hash leafHash() {
    return TreeHasher.leafHash(encode());
  }

  /** Decodes entry bytes; refuses anything that is not exactly one well-formed entry. */
  public static LedgerEntry decode(byte[] bytes) {
    try {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      int format = Byte.toUnsignedInt(b.get());
      if (format != FORMAT_VERSION)
        throw new MalformedEntryException("Unknown entry format version " + format);
      int kind = Byte.toUnsignedInt(b.get());
      if (kind >= Kind.values().length)
        throw new MalformedEntryException("Unknown content kind " + kind);
      String type = string(b, MAX_TYPE, "type");
      String id = string(b, MAX_ID, "id");
      int version = b.getInt();
      byte[] hash = new byte[Hash.LENGTH];
      b.get(hash);
      long millis = b.getLong();
      if (b.hasRemaining())
        throw new MalformedEntryException(b.remaining() + " bytes after the end of the entry");
      try {
        return new LedgerEntry(
            Kind.values()[kind], type, id, version, Hash.of(hash), Instant.ofEpochMilli(millis));
      } catch (IllegalArgumentException e) {
        throw new MalformedEntryException(e.getMessage());
      }
    } catch (BufferUnderflowException e) {
      throw new MalformedEntryException("The entry is truncated");
    }
  }

  private static String string(ByteBuffer b, int max, String what) {
    int length = Short.toUnsignedInt(b.getShort());
    if (length == 0 || length > max)
      throw new MalformedEntryException("The " + what + " length " + length + " is out of range");
    byte[] raw = new byte[length];
    b.get(raw);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedEntryException("The " + what + " is not valid UTF-8");
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Bytes that are not a well-formed entry. */
  public static final class MalformedEntryException extends IllegalArgumentException {
    public MalformedEntryException(String message) {
      super(message);
    }
  }
}
