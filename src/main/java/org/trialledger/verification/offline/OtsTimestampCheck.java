package org.trialledger.verification.offline;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.trialledger.anchoring.bitcoin.HeaderCheck;
import org.trialledger.anchoring.bitcoin.HeaderSource;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.ProofOfWorkHeaderCheck;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.ots.TimestampVerifier;
import org.trialledger.anchoring.ots.VerificationReport;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.TimestampCheck;
import org.trialledger.ledger.bundle.VerificationReport.Outcome;

/**
 * The bundle's timestamp step, offline: the {@code .ots} proof must be for SHA-256 of the bundle's
 * checkpoint note, and it proves a time only through a Bitcoin block that the {@link HeaderCheck}
 * confirms and whose merkle root it reaches. Anything short of that is reported as what it is
 * (pending, an unconfirmed block, another notary), see {@link AnchorFindings}.
 */
public final class OtsTimestampCheck implements TimestampCheck {
  private final HeaderCheck headers;

  public OtsTimestampCheck(HeaderCheck headers) {
    this.headers = headers;
  }

  public OtsTimestampCheck(HeaderSource headers, BigInteger powLimit) {
    this(new ProofOfWorkHeaderCheck(headers, powLimit));
  }

  @Override
  public Result check(String checkpointNote, String otsBase64, String rfc3161Base64) {
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

  /**
   * The check the verifier CLI runs: the trusted headers the jar carries, the user's checkpoints,
   * and the headers of a file of "HEIGHT HEX" lines, which count only where they link to a trusted
   * block by Bitcoin's header rules.
   */
  public static OtsTimestampCheck withHeaders(
      Optional<Path> headersFile, List<TrustedHeaders.Checkpoint> checkpoints) {
    try {
      Optional<HeadersFile> file =
          headersFile.isEmpty()
              ? Optional.empty()
              : Optional.of(HeadersFile.load(headersFile.get()));
      return new OtsTimestampCheck(HeaderChecks.forCli(file, checkpoints));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unreadable headers file " + headersFile.orElseThrow() + ": " + e.getMessage(), e);
    }
  }

  /** {@link #withHeaders} with a headers file and no checkpoint. */
  public static OtsTimestampCheck withHeadersFile(Path headersFile) {
    return withHeaders(Optional.of(headersFile), List.of());
  }
}
