package org.trialledger.anchoring.ots;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The verifier's findings for a proof: whether it is a proof for the expected digest, and one
 * result per attestation. A proof proves a time only if the digest matches and some Bitcoin
 * attestation verified.
 */
public record VerificationReport(boolean digestMatches, List<AttestationResult> results) {
  public VerificationReport {
    results = List.copyOf(results);
  }

  public List<AttestationResult.BitcoinVerified> bitcoinVerified() {
    return results.stream()
        .filter(r -> r instanceof AttestationResult.BitcoinVerified)
        .map(r -> (AttestationResult.BitcoinVerified) r)
        .toList();
  }

  public List<AttestationResult.Pending> pending() {
    return results.stream()
        .filter(r -> r instanceof AttestationResult.Pending)
        .map(r -> (AttestationResult.Pending) r)
        .toList();
  }

  public List<AttestationResult.BitcoinFailed> bitcoinFailed() {
    return results.stream()
        .filter(r -> r instanceof AttestationResult.BitcoinFailed)
        .map(r -> (AttestationResult.BitcoinFailed) r)
        .toList();
  }

  /** The verified Bitcoin attestation with the earliest block time: the time the proof proves. */
  public Optional<AttestationResult.BitcoinVerified> earliestBitcoin() {
    if (!digestMatches) return Optional.empty();
    return bitcoinVerified().stream()
        .min(Comparator.comparing(AttestationResult.BitcoinVerified::blockTime));
  }

  /** The digest matches and at least one Bitcoin attestation verified. */
  public boolean isConfirmed() {
    return earliestBitcoin().isPresent();
  }

  public Optional<Instant> provenTime() {
    return earliestBitcoin().map(AttestationResult.BitcoinVerified::blockTime);
  }
}
