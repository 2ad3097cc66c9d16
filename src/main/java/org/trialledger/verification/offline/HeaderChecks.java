package org.trialledger.verification.offline;

import java.util.List;
import java.util.Optional;
import org.trialledger.anchoring.bitcoin.HeaderChain;
import org.trialledger.anchoring.bitcoin.HeaderCheck;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.NetworkParameters;
import org.trialledger.anchoring.bitcoin.ProofOfWorkHeaderCheck;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;

/**
 * The one place the verifier chooses how a Bitcoin block is confirmed: every command builds its
 * {@link HeaderCheck} here. A header counts only where the {@link HeaderChain} links it to the
 * headers the jar trusts or to a {@code --checkpoint}, by Bitcoin's header rules.
 */
final class HeaderChecks {
  private HeaderChecks() {}

  static HeaderCheck forCli(
      Optional<HeadersFile> headers, List<TrustedHeaders.Checkpoint> checkpoints) {
    NetworkParameters net = network();
    TrustedHeaders trusted = TrustedHeaders.of(net).withCheckpoints(checkpoints);
    HeaderChain chain =
        headers.isEmpty()
            ? HeaderChain.trustedOnly(trusted)
            : HeaderChain.build(trusted, headers.get().headers());
    HeaderCheck linked =
        ProofOfWorkHeaderCheck.over(
            chain,
            net.powLimit(),
            "linked to a trusted block header"
                + (checkpoints.isEmpty() ? "" : " or --checkpoint")
                + " by Bitcoin's header rules");
    return height -> refusedOr(chain, height, linked.confirm(height));
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
