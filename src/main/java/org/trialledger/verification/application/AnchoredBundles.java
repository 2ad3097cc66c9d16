package org.trialledger.verification.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.trialledger.anchoring.application.AnchorStore;
import org.trialledger.anchoring.application.BitcoinHeaders;
import org.trialledger.anchoring.store.Anchor;
import org.trialledger.anchoring.store.AnchorStatus;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.ProofBundles;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.platform.NotFoundException;

/**
 * Proof bundles that reach Bitcoin: against the first confirmed anchored checkpoint that covers the
 * entry (else the first pending one, else the latest checkpoint), with that checkpoint's {@code
 * .ots} proof and RFC 3161 token, and for a confirmed anchor the validated Bitcoin headers from
 * each attested block's period start to it. The bundle then verifies offline from the file to a
 * block header hanging off one the verifier trusts.
 */
@ApplicationScoped
public class AnchoredBundles {
  @Inject private ProofBundles bundles;
  @Inject private AnchorStore anchors;
  @Inject private LedgerLog log;
  @Inject private BitcoinHeaders bitcoin;

  public ProofBundle forLeafHash(String leafHash) {
    List<LedgerEntryRow> entries = log.entriesByLeafHash(leafHash);
    if (entries.isEmpty())
      throw new NotFoundException("The log holds no entry with leaf hash " + leafHash);
    Long index = entries.get(0).getLeafIndex();
    Optional<Anchor> anchor = index == null ? Optional.empty() : anchorFor(index);
    if (anchor.isEmpty()) return bundles.forLeafHash(leafHash);
    Anchor a = anchor.get();
    byte[] tsa = a.getTsaToken();
    ProofBundle bundle =
        bundles.forLeafHash(
            leafHash,
            a.getTreeSize(),
            Base64.getEncoder().encodeToString(a.getOtsProof()),
            tsa == null ? null : Base64.getEncoder().encodeToString(tsa));
    // a confirmed anchor carries the headers the verifier validates its block with
    if (a.getStatus() != AnchorStatus.CONFIRMED) return bundle;
    return bundle.withBitcoinHeaders(bitcoin.bundleRuns(a.getOtsProof()));
  }

  /**
   * The anchor that dates leaf {@code index}: the earliest confirmed one covering it, else the
   * earliest covering it.
   */
  public Optional<Anchor> anchorFor(long index) {
    List<Anchor> covering = anchors.covering(index + 1);
    return covering.stream()
        .filter(a -> a.getStatus() == AnchorStatus.CONFIRMED)
        .findFirst()
        .or(() -> covering.stream().findFirst());
  }
}
