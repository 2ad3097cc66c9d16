package org.trialledger.anchoring.ots;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.HeaderSource;

/**
 * Walks a proof to every attestation and checks the Bitcoin ones against headers from a {@link
 * HeaderSource}: the attested message must be the header's merkle root in internal byte order (the
 * reference's {@code verify_against_blockheader}) and the header must carry valid proof of work.
 * Offline by design: no network fallback, so a missing header is reported, never fetched from
 * somewhere else.
 */
public final class TimestampVerifier {
  private final HeaderSource headers;
  private final BigInteger powLimit;

  /** Checks headers against mainnet's proof-of-work limit. */
  public TimestampVerifier(HeaderSource headers) {
    this(headers, BlockHeader.MAINNET_POW_LIMIT);
  }

  /** A verifier for another chain's limit (tests mine headers with regtest's easy target). */
  public TimestampVerifier(HeaderSource headers, BigInteger powLimit) {
    this.headers = headers;
    this.powLimit = powLimit;
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
    Optional<BlockHeader> found = headers.header(height);
    if (found.isEmpty()) {
      return failed(
          message, height, AttestationResult.Failure.NO_HEADER, headers.whyMissing(height));
    }
    BlockHeader header = found.get();
    if (!header.checkProofOfWork(powLimit)) {
      return failed(
          message,
          height,
          AttestationResult.Failure.PROOF_OF_WORK,
          "header " + header.blockHashHex() + " does not meet its target or the chain's limit");
    }
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
        message, height, header.blockHashHex(), header.time());
  }

  private static AttestationResult failed(
      byte[] message, long height, AttestationResult.Failure failure, String detail) {
    return new AttestationResult.BitcoinFailed(message, height, failure, detail);
  }
}
