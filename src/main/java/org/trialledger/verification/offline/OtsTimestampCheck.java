package org.trialledger.verification.offline;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.trialledger.anchoring.bitcoin.HeaderCheck;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.TimestampCheck;
import org.trialledger.ledger.bundle.VerificationReport.Outcome;

/**
 * The bundle's timestamp step, offline: the {@code .ots} proof must be for SHA-256 of the bundle's
 * checkpoint note, and it proves a time only through a Bitcoin block that the {@link HeaderCheck}
 * confirms and whose merkle root it reaches. Anything short of that is reported as what it is
 * (pending, an unconfirmed block, another notary), see {@link AnchorFindings}.
 */
public final class OtsTimestampCheck implements TimestampCheck {
  /** The header check for the headers a bundle carries (validated by it, never trusted). */
  private final Function<List<ProofBundle.HeaderRun>, HeaderCheck> headersFor;

  /** A check by {@code headers} alone: the headers a bundle carries are not used. */
  public OtsTimestampCheck(HeaderCheck headers) {
    this.headersFor = runs -> headers;
  }

  private OtsTimestampCheck(Function<List<ProofBundle.HeaderRun>, HeaderCheck> headersFor) {
    this.headersFor = headersFor;
  }

  /**
   * The check the verifier CLI runs: a block counts only where the bundle's headers, together with
   * the optional headers file (which wins where both give a height), link to the trusted headers
   * the jar carries or to a {@code --checkpoint} by Bitcoin's header rules.
   */
  public static OtsTimestampCheck forCli(
      Optional<HeadersFile> headersFile, List<TrustedHeaders.Checkpoint> checkpoints) {
    return new OtsTimestampCheck(
        (List<ProofBundle.HeaderRun> runs) -> HeaderChecks.forCli(headersFile, checkpoints, runs));
  }

  @Override
  public Result check(String checkpointNote, String otsBase64, String rfc3161Base64) {
    return check(checkpointNote, otsBase64, rfc3161Base64, List.of());
  }

  @Override
  public Result check(
      String checkpointNote,
      String otsBase64,
      String rfc3161Base64,
      List<ProofBundle.HeaderRun> bitcoinHeaders) {
    if (otsBase64 == null)
      return new Result(
          Outcome.UNCONFIRMED,
          "only an RFC 3161 token, no OpenTimestamps proof (check the token with openssl ts"
              + " -verify)");
    DetachedTimestampFile proof;
    try {
      proof = DetachedTimestampFile.parse(Base64.getDecoder().decode(otsBase64));
    } catch (IllegalArgumentException | OtsFormatException e) {
      return new Result(Outcome.FAIL, "the .ots proof is unreadable: " + e.getMessage());
    }
    Hash noteHash = Hash.sha256(checkpointNote.getBytes(StandardCharsets.UTF_8));
    HeaderCheck headers;
    try {
      headers = headersFor.apply(bitcoinHeaders);
    } catch (HeaderChecks.BrokenRunException e) {
      return new Result(Outcome.FAIL, e.getMessage());
    }
    VerificationReport report =
        TimestampVerifier.confirmingWith(headers).verify(proof, noteHash.bytes());
    if (!report.digestMatches())
      return new Result(
          Outcome.FAIL,
          "the .ots proof is for "
              + HexFormat.of().formatHex(proof.fileDigest())
              + ", not SHA-256 of the checkpoint ("
              + noteHash
              + ")");
    return AnchorFindings.of(report);
  }
}
