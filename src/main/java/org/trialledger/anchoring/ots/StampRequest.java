package org.trialledger.anchoring.ots;

import java.security.SecureRandom;
import java.util.List;

/**
 * The start of a new proof, shaped as {@code ots stamp} shapes it: the file digest, then "append a
 * random 16-byte nonce, sha256". The result is the commitment sent to calendars; the nonce keeps
 * calendars (which publish what they are sent) from learning the digest. Calendar answers are
 * merged at the commitment.
 */
public final class StampRequest {
  public static final int NONCE_LENGTH = 16;

  private final OpKind fileHashOp;
  private final byte[] digest;
  private final Op nonce;
  private final byte[] commitment;

  private StampRequest(OpKind fileHashOp, byte[] digest, byte[] nonce) {
    if (!fileHashOp.isHash() || digest.length != fileHashOp.digestLength()) {
      throw new IllegalArgumentException("digest is not a " + fileHashOp.label() + " digest");
    }
    this.fileHashOp = fileHashOp;
    this.digest = digest.clone();
    this.nonce = Op.append(nonce);
    this.commitment = Op.sha256().apply(this.nonce.apply(digest));
  }

  /** A request for a SHA-256 digest with a nonce from {@code random}. */
  public static StampRequest forSha256(byte[] digest, SecureRandom random) {
    return forDigest(OpKind.SHA256, digest, random);
  }

  public static StampRequest forDigest(OpKind fileHashOp, byte[] digest, SecureRandom random) {
    byte[] nonce = new byte[NONCE_LENGTH];
    random.nextBytes(nonce);
    return new StampRequest(fileHashOp, digest, nonce);
  }

  /** With a given nonce: for tests and for re-creating a request. */
  public static StampRequest withNonce(OpKind fileHashOp, byte[] digest, byte[] nonce) {
    return new StampRequest(fileHashOp, digest, nonce);
  }

  /** What to send to each calendar's {@code POST /digest}. */
  public byte[] commitment() {
    return commitment.clone();
  }

  /**
   * The proof with each calendar's answer (a timestamp for {@link #commitment()}) merged in.
   *
   * @throws IllegalArgumentException with no answers (a proof without attestations is no proof) or
   *     an answer for another message
   */
  public DetachedTimestampFile proof(List<Timestamp> calendarAnswers) {
    if (calendarAnswers.isEmpty()) throw new IllegalArgumentException("no calendar answered");
    Timestamp tip = Timestamp.of(commitment);
    for (Timestamp answer : calendarAnswers) tip = tip.merge(answer);
    if (tip.isEmpty())
      throw new IllegalArgumentException("the calendars' answers hold no attestation");
    Timestamp root = Timestamp.path(digest, List.of(nonce, Op.sha256()), tip);
    return new DetachedTimestampFile(fileHashOp, root);
  }
}
