package org.trialledger.verification.offline;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.trialledger.anchoring.bitcoin.HeaderChain;
import org.trialledger.anchoring.bitcoin.HeaderSource;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.NetworkParameters;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;
import org.trialledger.anchoring.ots.AttestationResult;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.TimestampCheck;
import org.trialledger.ledger.bundle.VerificationReport.Outcome;

/**
 * The bundle's timestamp step, offline: the {@code .ots} proof must be for SHA-256 of the bundle's
 * checkpoint note and lead to a Bitcoin block header, from the given source, whose merkle root it
 * matches and whose proof of work is valid. Pending attestations alone are reported, not failed:
 * the anchor is still on its way.
 */
public final class OtsTimestampCheck implements TimestampCheck {
  private final HeaderSource headers;
  private final BigInteger powLimit;

  public OtsTimestampCheck(HeaderSource headers, BigInteger powLimit) {
    this.headers = headers;
    this.powLimit = powLimit;
  }

  @Override
  public Result check(String checkpointNote, String otsBase64, String rfc3161Base64) {
    if (otsBase64 == null)
      return new Result(
          Outcome.SKIPPED,
          "no OpenTimestamps proof (RFC 3161 tokens are checked with openssl ts -verify)");
    DetachedTimestampFile proof;
    try {
      proof = DetachedTimestampFile.parse(Base64.getDecoder().decode(otsBase64));
    } catch (IllegalArgumentException | OtsFormatException e) {
      return new Result(Outcome.FAIL, "the .ots proof is unreadable: " + e.getMessage());
    }
    Hash noteHash = Hash.sha256(checkpointNote.getBytes(StandardCharsets.UTF_8));
    VerificationReport report =
        new TimestampVerifier(headers, powLimit).verify(proof, noteHash.bytes());
    if (!report.digestMatches())
      return new Result(
          Outcome.FAIL,
          "the .ots proof is for another digest than SHA-256 of the checkpoint (" + noteHash + ")");
    if (report.isConfirmed()) {
      AttestationResult.BitcoinVerified b = report.earliestBitcoin().orElseThrow();
      return new Result(
          Outcome.PASS,
          "the checkpoint existed by Bitcoin block "
              + b.height()
              + " ("
              + b.blockHash()
              + "), mined "
              + b.blockTime());
    }
    if (!report.bitcoinFailed().isEmpty()) {
      AttestationResult.BitcoinFailed f = report.bitcoinFailed().get(0);
      boolean onlyMissing =
          report.bitcoinFailed().stream()
              .allMatch(x -> x.failure() == AttestationResult.Failure.NO_HEADER);
      String detail =
          "Bitcoin attestation at block "
              + f.height()
              + ": "
              + f.failure()
              + (f.detail() == null ? "" : " " + f.detail());
      return onlyMissing
          ? new Result(
              Outcome.SKIPPED,
              detail + " (give headers from a trusted one to that block, or a --checkpoint)")
          : new Result(Outcome.FAIL, detail);
    }
    return new Result(
        Outcome.SKIPPED,
        "pending at " + report.pending().size() + " calendar(s); not yet in Bitcoin");
  }

  /**
   * The check the verifier CLI runs: the trusted headers the jar carries (for {@code
   * -Dtrialledger.chain=test}, none), the user's checkpoints, and the headers of a file of "HEIGHT
   * HEX" lines, which count only where they link to a trusted block by Bitcoin's header rules.
   */
  public static OtsTimestampCheck withHeaders(
      Optional<Path> headersFile, List<TrustedHeaders.Checkpoint> checkpoints) {
    NetworkParameters net =
        NetworkParameters.named(System.getProperty("trialledger.chain", "mainnet"));
    TrustedHeaders trusted = TrustedHeaders.of(net).withCheckpoints(checkpoints);
    if (headersFile.isEmpty())
      return new OtsTimestampCheck(HeaderChain.trustedOnly(trusted), net.powLimit());
    try {
      HeadersFile file = HeadersFile.load(headersFile.get());
      return new OtsTimestampCheck(HeaderChain.build(trusted, file.headers()), net.powLimit());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unreadable headers file " + headersFile.get() + ": " + e.getMessage(), e);
    }
  }

  /** {@link #withHeaders} with a headers file and no checkpoint. */
  public static OtsTimestampCheck withHeadersFile(Path headersFile) {
    return withHeaders(Optional.of(headersFile), List.of());
  }
}
