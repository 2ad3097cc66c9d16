package org.trialledger.verification.offline;

import java.util.ArrayList;
import java.util.List;
import org.trialledger.anchoring.ots.AttestationResult;
import org.trialledger.anchoring.ots.EthereumAttestation;
import org.trialledger.anchoring.ots.LitecoinAttestation;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.ledger.bundle.TimestampCheck;
import org.trialledger.ledger.bundle.VerificationReport.Outcome;

/**
 * What an OpenTimestamps proof proves, in one outcome and one sentence that names every attestation
 * as what it is: PASS only for a Bitcoin block the header check confirmed; FAIL for an attestation
 * that is wrong; otherwise PENDING (at calendars) or UNCONFIRMED (a Bitcoin block that could not be
 * confirmed, or only notaries this verifier does not check).
 */
final class AnchorFindings {
  private AnchorFindings() {}

  /** The proof's findings; its digest has been found to match already. */
  static TimestampCheck.Result of(VerificationReport report) {
    if (report.isConfirmed()) {
      AttestationResult.BitcoinVerified b = report.earliestBitcoin().orElseThrow();
      return new TimestampCheck.Result(
          Outcome.PASS,
          "existed by Bitcoin block "
              + b.height()
              + " ("
              + b.blockHash()
              + "), mined "
              + b.blockTime()
              + "; block confirmed by "
              + b.confirmedBy());
    }
    for (AttestationResult.BitcoinFailed f : report.bitcoinFailed()) {
      if (f.failure() != AttestationResult.Failure.NO_HEADER)
        return new TimestampCheck.Result(
            Outcome.FAIL, "Bitcoin attestation at block " + f.height() + ": " + f.detail());
    }
    List<String> parts = new ArrayList<>();
    boolean bitcoinUnconfirmed = false;
    List<String> calendars = new ArrayList<>();
    for (AttestationResult r : report.results()) {
      if (r instanceof AttestationResult.BitcoinFailed f) {
        bitcoinUnconfirmed = true;
        parts.add(
            "Bitcoin block "
                + f.height()
                + " claimed, not confirmed: "
                + f.detail()
                + " (give its header with --headers; pin its hash with --checkpoint)");
      } else if (r instanceof AttestationResult.Pending p) {
        calendars.add(p.calendarUri());
      } else if (r instanceof AttestationResult.Unsupported u) {
        parts.add(describe(u) + ": not a Bitcoin anchor; this verifier confirms Bitcoin only");
      } else if (r instanceof AttestationResult.Unknown u) {
        parts.add("unknown notary (tag " + u.tagHex() + "): cannot be checked");
      }
    }
    if (!calendars.isEmpty())
      parts.add(
          0,
          "pending at "
              + calendars.size()
              + (calendars.size() == 1 ? " calendar (" : " calendars (")
              + String.join(", ", calendars)
              + "), not yet in Bitcoin");
    if (parts.isEmpty()) parts.add("no attestation at all");
    Outcome outcome =
        !bitcoinUnconfirmed && !calendars.isEmpty() ? Outcome.PENDING : Outcome.UNCONFIRMED;
    return new TimestampCheck.Result(outcome, String.join("; ", parts));
  }

  private static String describe(AttestationResult.Unsupported u) {
    if (u.attestation() instanceof LitecoinAttestation l) return "Litecoin block " + l.height();
    if (u.attestation() instanceof EthereumAttestation e) return "Ethereum block " + e.height();
    return u.attestation().toString();
  }
}
