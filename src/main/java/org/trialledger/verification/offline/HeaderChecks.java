package org.trialledger.verification.offline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.HeaderChain;
import org.trialledger.anchoring.bitcoin.HeaderCheck;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.NetworkParameters;
import org.trialledger.anchoring.bitcoin.ProofOfWorkHeaderCheck;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;
import org.trialledger.ledger.bundle.ProofBundle;

/**
 * The one place the verifier chooses how a Bitcoin block is confirmed: every command builds its
 * {@link HeaderCheck} here. A header (from a bundle or a {@code --headers} file) counts only where
 * the {@link HeaderChain} links it to the headers the jar trusts or to a {@code --checkpoint}, by
 * Bitcoin's header rules.
 */
final class HeaderChecks {
  private HeaderChecks() {}

  static HeaderCheck forCli(
      Optional<HeadersFile> headers, List<TrustedHeaders.Checkpoint> checkpoints) {
    return forCli(headers, checkpoints, List.of());
  }

  /**
   * The check for one bundle: its header runs and the headers file (which wins at a height both
   * give), validated together as one set of candidate headers.
   *
   * @throws BrokenRunException if a run of the bundle does not link header to header: the bundle
   *     was altered, whatever the verifier trusts
   */
  static HeaderCheck forCli(
      Optional<HeadersFile> headers,
      List<TrustedHeaders.Checkpoint> checkpoints,
      List<ProofBundle.HeaderRun> bundleRuns) {
    NetworkParameters net = network();
    TrustedHeaders trusted = TrustedHeaders.of(net).withCheckpoints(checkpoints);
    TreeMap<Long, BlockHeader> given = new TreeMap<>(fromBundle(bundleRuns));
    headers.ifPresent(h -> given.putAll(h.headers()));
    HeaderChain chain =
        given.isEmpty() ? HeaderChain.trustedOnly(trusted) : HeaderChain.build(trusted, given);
    String grounds =
        "linked to a trusted block header"
            + (checkpoints.isEmpty() ? "" : " or --checkpoint")
            + " by Bitcoin's header rules";
    if (!bundleRuns.isEmpty())
      grounds +=
          headers.isPresent()
              ? " (headers from the bundle and --headers)"
              : " (headers from the bundle)";
    HeaderCheck linked = ProofOfWorkHeaderCheck.over(chain, net.powLimit(), grounds);
    return height -> refusedOr(chain, height, linked.confirm(height));
  }

  /** The bundle's runs as headers by height, each header linked to the one before it. */
  static Map<Long, BlockHeader> fromBundle(List<ProofBundle.HeaderRun> runs) {
    TreeMap<Long, BlockHeader> out = new TreeMap<>();
    for (ProofBundle.HeaderRun run : runs) {
      byte[] bytes = run.headers();
      BlockHeader previous = null;
      for (int i = 0; i < run.count(); i++) {
        long height = run.from() + i;
        BlockHeader h =
            BlockHeader.parse(
                Arrays.copyOfRange(bytes, i * BlockHeader.SIZE, (i + 1) * BlockHeader.SIZE));
        if (previous != null && !Arrays.equals(h.previousBlockHash(), previous.hashInternalOrder()))
          throw new BrokenRunException(
              "the bundle's Bitcoin headers were altered: the header at "
                  + height
                  + " does not link to the bundle's header at "
                  + (height - 1)
                  + " ("
                  + previous.blockHashHex()
                  + ")");
        out.put(height, h);
        previous = h;
      }
    }
    return out;
  }

  /** A bundle whose header runs break inside: evidence of tampering, not an absence. */
  static final class BrokenRunException extends IllegalArgumentException {
    BrokenRunException(String message) {
      super(message);
    }
  }

  /**
   * A header the user gave that the chain refused (not the pinned hash, too easy a target, off the
   * chain) is evidence against the claim, not an absence: the verdict says so, and fails.
   */
  private static HeaderCheck.Verdict refusedOr(
      HeaderChain chain, long height, HeaderCheck.Verdict verdict) {
    if (verdict.status() == HeaderCheck.Verdict.Status.MISSING && chain.contradicts(height)) {
      return HeaderCheck.Verdict.refused(
          chain.refusedHeaders().get(height), chain.refused().get(height));
    }
    return verdict;
  }

  static NetworkParameters network() {
    return NetworkParameters.named(System.getProperty("trialledger.chain", "mainnet"));
  }
}
