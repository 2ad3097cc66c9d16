package org.trialledger.ledger.note;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.trialledger.ledger.Hash;

/**
 * The C2SP key text shared by note keys (type 0x01) and cosignature keys (type 0x04): {@code
 * name+hexid+base64(type ‖ key)}, with the key id the first 4 bytes of SHA-256(name ‖ 0x0A ‖ type ‖
 * public key). Only the type byte tells the two apart.
 */
public final class KeyText {
  private KeyText() {}

  /** Refuses a name that the text format could not carry. */
  public static void requireName(String name) {
    if (name == null
        || name.isEmpty()
        || name.contains("+")
        || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException("A key name is non-empty, without spaces or '+'");
    }
  }

  public static byte[] keyId(String name, byte type, byte[] publicKey) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(Hash.sha256(nameBytes, new byte[] {'\n', type}, publicKey).bytes(), 4);
  }

  /** {@code name+hexid+rest} as its three parts. */
  public static String[] split(String text) {
    int first = text.indexOf('+');
    int second = first < 0 ? -1 : text.indexOf('+', first + 1);
    if (first <= 0 || second < 0) throw new IllegalArgumentException("A key is name+hexid+base64");
    return new String[] {
      text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1)
    };
  }

  /** The 32 key bytes of {@code base64(type ‖ key)}; {@code refusal} says what else is wrong. */
  public static byte[] decode(String b64, byte type, String refusal) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The key is not base64", e);
    }
    if (raw.length != 33 || raw[0] != type) throw new IllegalArgumentException(refusal);
    return Arrays.copyOfRange(raw, 1, 33);
  }

  /** {@code base64(type ‖ key)} of a 32-byte key. */
  public static String encode(byte type, byte[] key) {
    byte[] out = new byte[33];
    out[0] = type;
    System.arraycopy(key, 0, out, 1, 32);
    return Base64.getEncoder().encodeToString(out);
  }
}
