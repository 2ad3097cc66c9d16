package org.trialledger.anchoring.ots;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.HeaderCheck;
import org.trialledger.anchoring.bitcoin.HeaderSource;
import org.trialledger.anchoring.bitcoin.ProofOfWorkHeaderCheck;

/**
 * Walks a proof to every attestation and checks the Bitcoin ones through a {@link HeaderCheck}: the
 * block must be confirmed by that check, and the attested message must be its header's merkle root
 * in internal byte order (the reference's {@code verify_against_blockheader}). Offline by design:
 * no network fallback, so a missing header is reported, never fetched from somewhere else.
 */
public final class TimestampVerifier {
  private final HeaderCheck headers;

  /** Checks headers from {@code headers} by proof of work against mainnet's limit. */
  public TimestampVerifier(HeaderSource headers) {
    this(headers, BlockHeader.MAINNET_POW_LIMIT);
  }

  /** A verifier for another chain's limit (tests mine headers with regtest's easy target). */
  public TimestampVerifier(HeaderSource headers, BigInteger powLimit) {
    this(new ProofOfWorkHeaderCheck(headers, powLimit));
  }

  private TimestampVerifier(HeaderCheck headers) {
    this.headers = headers;
  }

  /** A verifier that counts a Bitcoin block only when {@code headers} confirms it. */
  public static TimestampVerifier confirmingWith(HeaderCheck headers) {
    return new TimestampVerifier(headers);
  }

  /**
   * Verifies {@code proof} as a proof for a file whose digest (by the proof's hash op) is {@code
   * digest}.
   */
  public VerificationReport verify(DetachedTimestampFile proof, byte[] digest) {
    boolean matches = MessageDigest.isEqual(proof.fileDigest(), digest);
    return new VerificationReport(matches, verify(proof.timestamp()));
  }

  /** Verifies {@code proof} against the file's bytes, hashed with the proof's own hash op. */
  public VerificationReport verifyFile(DetachedTimestampFile proof, byte[] fileBytes) {
    return verify(proof, proof.fileHashOp().hash(fileBytes));
  }

  /** One result per attestation of the tree, in serialization order. */
  public List<AttestationResult> verify(Timestamp timestamp) {
    List<AttestationResult> out = new ArrayList<>();
    for (Timestamp.AttestedMessage am : timestamp.allAttestations())
      out.add(check(am.message(), am.attestation()));
    return out;
  }

  private AttestationResult check(byte[] message, Attestation attestation) {
    if (attestation instanceof PendingAttestation p)
      return new AttestationResult.Pending(message, p.uri());
    if (attestation instanceof UnknownAttestation u)
      return new AttestationResult.Unknown(message, u.tagHex());
    if (attestation instanceof BitcoinAttestation b) return checkBitcoin(message, b.height());
    return new AttestationResult.Unsupported(message, attestation);
  }

  private AttestationResult checkBitcoin(byte[] message, long height) {
    if (message.length != 32) {
      return failed(
          message,
          height,
          AttestationResult.Failure.DIGEST_LENGTH,
          message.length + " bytes, not 32");
    }
    HeaderCheck.Verdict verdict = headers.confirm(height);
    if (verdict.status() == HeaderCheck.Verdict.Status.MISSING) {
      return failed(message, height, AttestationResult.Failure.NO_HEADER, verdict.detail());
    }
    if (verdict.status() == HeaderCheck.Verdict.Status.REFUSED) {
      return failed(message, height, AttestationResult.Failure.HEADER_REFUSED, verdict.detail());
    }
    BlockHeader header = verdict.header();
    if (!Arrays.equals(message, header.merkleRoot())) {
      return failed(
          message,
          height,
          AttestationResult.Failure.MERKLE_ROOT_MISMATCH,
          "message "
              + AttestationResult.hex(message)
              + " is not the merkle root of block "
              + header.blockHashHex());
    }
    return new AttestationResult.BitcoinVerified(
        message, height, header.blockHashHex(), header.time(), verdict.detail());
  }

  private static AttestationResult failed(
      byte[] message, long height, AttestationResult.Failure failure, String detail) {
    return new AttestationResult.BitcoinFailed(message, height, failure, detail);
  }
}
