package org.trialledger.ledger.witness;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.trialledger.ledger.Hash;

/**
 * The body of a C2SP {@code tlog-witness} {@code POST /add-checkpoint}: {@code old N}, zero to 63
 * consistency proof lines (one base64 hash each), an empty line, then the signed checkpoint note.
 * Parsing is strict and bounded so that a witness reading untrusted input does little work.
 */
public record AddCheckpointRequest(long oldSize, List<Hash> proof, String checkpointNote) {
  /** Largest body a witness reads: a checkpoint is a few hundred bytes; 63 hashes ~ 3 KiB. */
  public static final int MAX_BYTES = 64 * 1024;

  public static final int MAX_PROOF = 63;
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  public AddCheckpointRequest {
    if (oldSize < 0) throw new IllegalArgumentException("The old size is ≥ 0");
    proof = List.copyOf(proof);
    if (proof.size() > MAX_PROOF)
      throw new IllegalArgumentException("At most " + MAX_PROOF + " consistency proof lines");
    if (oldSize == 0 && !proof.isEmpty())
      throw new IllegalArgumentException("The proof must be empty when the old size is 0");
    if (checkpointNote == null || checkpointNote.isEmpty() || !checkpointNote.endsWith("\n"))
      throw new IllegalArgumentException("The checkpoint note ends with a newline");
  }

  /** The same request with another old size (and the same proof). */
  public AddCheckpointRequest withOld(long old) {
    return new AddCheckpointRequest(old, proof, checkpointNote);
  }

  /** The request body as sent on the wire. */
  public String text() {
    StringBuilder b = new StringBuilder("old ").append(oldSize).append('\n');
    for (Hash h : proof) b.append(h.base64()).append('\n');
    return b.append('\n').append(checkpointNote).toString();
  }

  /**
   * Parses a request body.
   *
   * @throws IllegalArgumentException naming what is malformed (a witness answers 400)
   */
  public static AddCheckpointRequest parse(byte[] body) {
    if (body.length > MAX_BYTES)
      throw new IllegalArgumentException("The request is larger than " + MAX_BYTES + " bytes");
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("The request is not UTF-8");
    }
    int end = text.indexOf('\n');
    if (end < 0) throw new IllegalArgumentException("The request has no old size line");
    String first = text.substring(0, end);
    if (!first.startsWith("old ") || !DECIMAL.matcher(first.substring(4)).matches())
      throw new IllegalArgumentException("The first line is not 'old SIZE' in decimal");
    long oldSize;
    try {
      oldSize = Long.parseLong(first.substring(4));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("The old size is out of range");
    }
    List<Hash> proof = new ArrayList<>();
    int pos = end + 1;
    while (true) {
      int next = text.indexOf('\n', pos);
      if (next < 0) throw new IllegalArgumentException("The request has no empty line");
      String line = text.substring(pos, next);
      pos = next + 1;
      if (line.isEmpty()) break;
      if (proof.size() == MAX_PROOF)
        throw new IllegalArgumentException("More than " + MAX_PROOF + " consistency proof lines");
      proof.add(strictHash(line));
    }
    return new AddCheckpointRequest(oldSize, proof, text.substring(pos));
  }

  /** Base64 of exactly 32 bytes in canonical form (padded, no stray characters). */
  private static Hash strictHash(String line) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(line);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A proof line is not base64");
    }
    if (raw.length != Hash.LENGTH || !Base64.getEncoder().encodeToString(raw).equals(line))
      throw new IllegalArgumentException("A proof line is not one base64 SHA-256 hash");
    return Hash.of(raw);
  }
}
