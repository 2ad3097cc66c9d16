package org.trialledger.verification.offline;

import java.io.PrintStream;
import java.util.HexFormat;
import java.util.List;
import org.trialledger.anchoring.bitcoin.HeaderCheck;
import org.trialledger.anchoring.ots.Attestation;
import org.trialledger.anchoring.ots.AttestationResult;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.EthereumAttestation;
import org.trialledger.anchoring.ots.LitecoinAttestation;
import org.trialledger.anchoring.ots.PendingAttestation;
import org.trialledger.anchoring.ots.Timestamp;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.UnknownAttestation;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.ledger.bundle.TimestampCheck;

/**
 * {@code ots-info} and {@code ots-verify}, like the reference client's {@code ots info} and {@code
 * ots verify}, for any {@code .ots} proof (not only ours).
 */
final class OtsCommands {
  private OtsCommands() {}

  /** The proof's digest, its tree as written, and its attestations with their messages. */
  static void info(DetachedTimestampFile proof, PrintStream out) {
    HexFormat hex = HexFormat.of();
    out.println(
        "File " + proof.fileHashOp().label() + " hash: " + hex.formatHex(proof.fileDigest()));
    out.println("Timestamp:");
    out.print(tree(proof.timestamp(), 0));
    List<Timestamp.AttestedMessage> all = proof.timestamp().allAttestations();
    out.println("Attestations (" + all.size() + "):");
    for (Timestamp.AttestedMessage am : all) {
      out.println("  " + describe(am.attestation()) + " on " + hex.formatHex(am.message()));
    }
    if (!proof.isCanonical())
      out.println(
          "Note: branches are not in the reference's canonical order; shown as written (valid).");
  }

  /** The reference's {@code str_tree}, in the order the branches were written. */
  private static String tree(Timestamp t, int indent) {
    StringBuilder b = new StringBuilder();
    List<Timestamp.Branch> branches = t.branches();
    long ops = branches.stream().filter(x -> !x.isAttestation()).count();
    for (Timestamp.Branch x : branches) {
      if (x.isAttestation())
        b.append(" ".repeat(indent))
            .append("verify ")
            .append(describe(x.attestation()))
            .append('\n');
    }
    for (Timestamp.Branch x : branches) {
      if (x.isAttestation()) continue;
      if (ops > 1) {
        b.append(" ".repeat(indent)).append(" -> ").append(x.op()).append('\n');
        b.append(tree(x.child(), indent + 4));
      } else {
        b.append(" ".repeat(indent)).append(x.op()).append('\n');
        b.append(tree(x.child(), indent));
      }
    }
    return b.toString();
  }

  static String describe(Attestation a) {
    if (a instanceof BitcoinAttestation b) return "Bitcoin block " + b.height();
    if (a instanceof PendingAttestation p) return "pending at calendar " + p.uri();
    if (a instanceof LitecoinAttestation l) return "Litecoin block " + l.height();
    if (a instanceof EthereumAttestation e) return "Ethereum block " + e.height();
    if (a instanceof UnknownAttestation u)
      return "unknown notary (tag " + u.tagHex() + ", " + u.payload().length + "-byte payload)";
    return a.toString();
  }

  /**
   * Verifies {@code proof} for a file with digest {@code digest}.
   *
   * @return 0 when a Bitcoin block the header check confirmed proves it, 1 when something is wrong,
   *     3 when nothing is wrong but no Bitcoin block proves it (yet)
   */
  static int verify(
      DetachedTimestampFile proof, byte[] digest, HeaderCheck headers, PrintStream out) {
    VerificationReport report = TimestampVerifier.confirmingWith(headers).verify(proof, digest);
    if (!report.digestMatches()) {
      out.println(
          "[FAIL]        digest                the proof is for "
              + HexFormat.of().formatHex(proof.fileDigest())
              + ", not "
              + HexFormat.of().formatHex(digest));
      out.println("RESULT: NOT VERIFIED (digest)");
      return VerifierCli.FAILED;
    }
    for (AttestationResult r : report.results()) out.println("  " + line(r));
    TimestampCheck.Result result = AnchorFindings.of(report);
    out.println(
        String.format(
            "%-13s %-21s %s", "[" + result.outcome() + "]", "timestamp", result.detail()));
    return switch (result.outcome()) {
      case PASS -> {
        out.println("RESULT: VERIFIED");
        yield VerifierCli.OK;
      }
      case FAIL -> {
        out.println("RESULT: NOT VERIFIED (timestamp)");
        yield VerifierCli.FAILED;
      }
      default -> {
        out.println("RESULT: HOLDS, BUT NOT CONFIRMED IN BITCOIN (" + result.outcome() + ")");
        yield VerifierCli.HOLDS;
      }
    };
  }

  private static String line(AttestationResult r) {
    if (r instanceof AttestationResult.BitcoinVerified b)
      return "Bitcoin block "
          + b.height()
          + ": confirmed ("
          + b.blockHash()
          + ", "
          + b.blockTime()
          + "; "
          + b.confirmedBy()
          + ")";
    if (r instanceof AttestationResult.BitcoinFailed f)
      return "Bitcoin block " + f.height() + ": " + f.failure() + ", " + f.detail();
    if (r instanceof AttestationResult.Pending p) return "pending at calendar " + p.calendarUri();
    if (r instanceof AttestationResult.Unsupported u)
      return describe(u.attestation()) + ": not checked (Bitcoin only)";
    if (r instanceof AttestationResult.Unknown u)
      return "unknown notary (tag " + u.tagHex() + "): not checked";
    return r.toString();
  }
}
