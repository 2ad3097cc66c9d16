package org.trialledger.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** A SHA-256 value: exactly 32 bytes, immutable. */
public final class Hash {
  public static final int LENGTH = 32;
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Requires exactly 32 bytes; copies them. */
  public static Hash of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "A SHA-256 hash is 32 bytes, got " + (bytes == null ? "none" : bytes.length));
    }
    return new Hash(bytes.clone());
  }

  /** Requires 64 hexadecimal digits (either case). */
  public static Hash ofHex(String hex) {
    if (hex == null || hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("A SHA-256 hash is 64 hexadecimal digits");
    }
    try {
      return new Hash(HEX.parseHex(hex.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A SHA-256 hash is 64 hexadecimal digits", e);
    }
  }

  /** Requires standard base64 of exactly 32 bytes. */
  public static Hash ofBase64(String b64) {
    try {
      return of(Base64.getDecoder().decode(b64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not the base64 of a 32-byte hash: " + b64, e);
    }
  }

  public static Hash sha256(byte[]... parts) {
    MessageDigest md = newDigest();
    for (byte[] p : parts) md.update(p);
    return new Hash(md.digest());
  }

  /** A fresh SHA-256 digest, for hot loops that reuse one. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String hex() {
    return HEX.formatHex(bytes);
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Constant-time comparison. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && MessageDigest.isEqual(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return hex();
  }
}
