package org.trialledger.ledger.note;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a text (ending in a newline), a blank line, then signature lines {@code —
 * name base64(keyid ‖ signature)}. Parsing is strict: the text must be valid UTF-8 without control
 * characters other than newline, and nothing may follow the last signature line.
 */
public final class SignedNote {
  private static final String DASH = "\u2014 ";
  private static final int MAX_NOTE = 1 << 20;

  private SignedNote() {}

  /** Signs {@code text} (which must end in a newline) with {@code key}; returns the whole note. */
  public static String sign(String text, NoteKey key) {
    requireText(text);
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    byte[] sig = key.sign(message);
    byte[] payload = new byte[4 + sig.length];
    System.arraycopy(key.keyId(), 0, payload, 0, 4);
    System.arraycopy(sig, 0, payload, 4, sig.length);
    return text
        + "\n"
        + DASH
        + key.name()
        + " "
        + Base64.getEncoder().encodeToString(payload)
        + "\n";
  }

  /**
   * Checks {@code note} and returns its text. Valid means: well formed, and one of its signature
   * lines names {@code key} (same name and key id) and verifies over the text. Signatures by other
   * keys are ignored.
   *
   * @throws NoteException naming what is wrong
   */
  public static String open(String note, NoteKey key) throws NoteException {
    if (note.length() > MAX_NOTE) throw new NoteException("The note is too large");
    int split = note.lastIndexOf("\n\n");
    if (split < 0) throw new NoteException("The note has no signature block");
    String text = note.substring(0, split + 1);
    String signatures = note.substring(split + 2);
    try {
      requireText(text);
    } catch (IllegalArgumentException e) {
      throw new NoteException(e.getMessage());
    }
    if (signatures.isEmpty() || !signatures.endsWith("\n"))
      throw new NoteException("The signature block must end with a newline");
    List<String> lines =
        new ArrayList<>(
            Arrays.asList(signatures.substring(0, signatures.length() - 1).split("\n", -1)));
    boolean verified = false;
    for (String line : lines) {
      if (!line.startsWith(DASH))
        throw new NoteException("Malformed signature line: " + abbreviate(line));
      String rest = line.substring(DASH.length());
      int space = rest.indexOf(' ');
      if (space <= 0) throw new NoteException("Malformed signature line: " + abbreviate(line));
      String name = rest.substring(0, space);
      byte[] payload;
      try {
        payload = Base64.getDecoder().decode(rest.substring(space + 1));
      } catch (IllegalArgumentException e) {
        throw new NoteException("A signature is not base64");
      }
      if (payload.length < 5) throw new NoteException("A signature is too short");
      if (!name.equals(key.name()) || !Arrays.equals(Arrays.copyOf(payload, 4), key.keyId()))
        continue;
      if (payload.length != 4 + 64
          || !key.verify(
              text.getBytes(StandardCharsets.UTF_8),
              Arrays.copyOfRange(payload, 4, payload.length))) {
        throw new NoteException("The signature by " + key.name() + " does not verify");
      }
      verified = true;
    }
    if (!verified)
      throw new NoteException("The note has no signature by " + key.name() + "+" + key.keyIdHex());
    return text;
  }

  /**
   * The note as {@code key} signed it: its text and only the signature lines naming that key (a
   * cosigned checkpoint without its cosignatures). Lines are kept byte for byte, so the result is
   * the note the log published and timestamped.
   *
   * @throws NoteException if the note is malformed or has no valid signature by {@code key}
   */
  public static String signedBy(String note, NoteKey key) throws NoteException {
    String text = open(note, key);
    String prefix = DASH + key.name() + " ";
    StringBuilder out = new StringBuilder(text).append('\n');
    for (String line : note.substring(text.length() + 1).split("\n")) {
      if (line.startsWith(prefix) && byKeyId(line.substring(prefix.length()), key))
        out.append(line).append('\n');
    }
    return out.toString();
  }

  private static boolean byKeyId(String base64, NoteKey key) {
    try {
      byte[] payload = Base64.getDecoder().decode(base64);
      return payload.length >= 4 && Arrays.equals(Arrays.copyOf(payload, 4), key.keyId());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void requireText(String text) {
    if (text.isEmpty() || !text.endsWith("\n"))
      throw new IllegalArgumentException("A note's text ends with a newline");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n'
          && (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogate(text, i))) {
        throw new IllegalArgumentException("A note's text has no control characters");
      }
    }
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c))
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** A note that is malformed or not signed by the expected key. */
  public static final class NoteException extends Exception {
    public NoteException(String message) {
      super(message);
    }
  }
}
