package org.trialledger.anchoring.application;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.trialledger.anchoring.headersource.HeaderQuorum;
import org.trialledger.anchoring.ots.AttestationResult;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.anchoring.store.AnchorStatus;

/**
 * What a stored proof proves, checked against the header chain the configured sources agree on
 * (never a service that is not configured).
 */
final class AnchorVerification {
  private AnchorVerification() {}

  record Outcome(
      AnchorStatus status,
      Long height,
      String blockHash,
      Instant blockTime,
      String detail,
      String confirmedBy) {
    Outcome(AnchorStatus status, Long height, String blockHash, Instant blockTime, String detail) {
      this(status, height, blockHash, blockTime, detail, null);
    }
  }

  static Outcome of(
      byte[] proofBytes, String noteSha256, AnchoringSettings settings, BitcoinHeaders bitcoin) {
    DetachedTimestampFile proof;
    try {
      proof = DetachedTimestampFile.parse(proofBytes);
    } catch (OtsFormatException e) {
      return new Outcome(
          AnchorStatus.INVALID,
          null,
          null,
          null,
          "The stored proof does not parse: " + e.getMessage());
    }
    if (!HexFormat.of().formatHex(proof.fileDigest()).equals(noteSha256)) {
      return new Outcome(
          AnchorStatus.INVALID,
          null,
          null,
          null,
          "The proof is for another digest than the checkpoint's");
    }
    boolean hasBitcoin =
        proof.timestamp().allAttestations().stream()
            .anyMatch(a -> a.attestation() instanceof BitcoinAttestation);
    if (!hasBitcoin)
      return new Outcome(
          AnchorStatus.PENDING, null, null, null, "Waiting for the calendars to reach Bitcoin");
    Optional<HeaderQuorum> headers = bitcoin.quorum();
    if (headers.isEmpty()) {
      return new Outcome(
          AnchorStatus.UNVERIFIED,
          null,
          null,
          null,
          "A Bitcoin attestation arrived; no header source is configured to check it");
    }
    VerificationReport report =
        new TimestampVerifier(headers.get(), settings.powLimit()).verify(proof, proof.fileDigest());
    Optional<AttestationResult.BitcoinVerified> best = report.earliestBitcoin();
    if (best.isPresent()) {
      AttestationResult.BitcoinVerified b = best.get();
      return new Outcome(
          AnchorStatus.CONFIRMED,
          b.height(),
          b.blockHash(),
          b.blockTime(),
          "Confirmed in Bitcoin block " + b.height(),
          String.join(", ", headers.get().confirmedBy(b.height())));
    }
    boolean missingHeader =
        report.bitcoinFailed().stream()
            .allMatch(f -> f.failure() == AttestationResult.Failure.NO_HEADER);
    String detail =
        report.bitcoinFailed().stream()
            .map(f -> "block " + f.height() + ": " + f.failure() + " " + f.detail())
            .findFirst()
            .orElse("");
    return new Outcome(
        missingHeader ? AnchorStatus.UNVERIFIED : AnchorStatus.INVALID, null, null, null, detail);
  }
}
