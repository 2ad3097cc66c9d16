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
    return ProofOfWorkHeaderCheck.over(
        chain,
        net.powLimit(),
        "linked to a trusted block header"
            + (checkpoints.isEmpty() ? "" : " or --checkpoint")
            + " by Bitcoin's header rules");
  }

  static NetworkParameters network() {
    return NetworkParameters.named(System.getProperty("trialledger.chain", "mainnet"));
  }
}
