package org.trialledger.anchoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.ProofHeaders;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;
import org.trialledger.anchoring.headersource.BitcoinCoreRpc;
import org.trialledger.anchoring.headersource.EsploraRest;
import org.trialledger.anchoring.headersource.HeaderQuorum;
import org.trialledger.anchoring.headersource.HeadersFileSource;
import org.trialledger.anchoring.headersource.RemoteHeaderSource;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.ots.Timestamp;
import org.trialledger.anchoring.store.BitcoinHeader;
import org.trialledger.ledger.bundle.ProofBundle;

/**
 * The server's Bitcoin header chain: the trusted headers of the configured network, grown from the
 * configured sources (Bitcoin Core RPC, Esplora, a headers file) by {@link HeaderQuorum}. Nothing
 * is contacted unless configured. Every accepted header is kept in the database ({@code
 * bitcoin_header}) and taken back after a restart, validated again from the trusted headers.
 */
@ApplicationScoped
public class BitcoinHeaders {
  /** The longest range {@code /api/bitcoin/headers} serves at once: one difficulty period. */
  public static final int MAX_RANGE = 2016;

  @Inject private AnchoringSettings settings;
  @Inject private Clock clock;
  @Inject private BitcoinHeaderStore store;
  private static final Logger LOG = Logger.getLogger(BitcoinHeaders.class.getName());
  private HeaderQuorum quorum;
  private TrustedHeaders trusted;

  /** The sources, or empty when none is configured. */
  public synchronized Optional<HeaderQuorum> quorum() {
    if (quorum == null) {
      List<RemoteHeaderSource> sources = new ArrayList<>();
      settings.bitcoinRpc().forEach(u -> sources.add(new BitcoinCoreRpc(u, settings.timeout())));
      settings.esplora().forEach(u -> sources.add(new EsploraRest(u, settings.timeout())));
      settings.headersFile().map(HeadersFileSource::new).ifPresent(sources::add);
      if (sources.isEmpty()) return Optional.empty();
      quorum =
          new HeaderQuorum(
              trusted(),
              sources,
              settings.headerSourcesRequired(sources.size()),
              clock,
              this::keep);
      Map<Long, HeaderQuorum.Kept> kept = new TreeMap<>();
      try {
        for (BitcoinHeader row : store.all())
          kept.put(
              row.getHeight(),
              new HeaderQuorum.Kept(
                  BlockHeader.parse(row.getHeaderBytes()),
                  List.of(row.getConfirmedBy().split(", "))));
      } catch (RuntimeException e) {
        LOG.warning("Bitcoin headers kept earlier could not be read: " + e.getMessage());
      }
      int restored = quorum.restore(kept);
      if (restored < kept.size())
        LOG.warning(
            (kept.size() - restored)
                + " kept Bitcoin header(s) no longer link to a trusted block; dropped");
    }
    return Optional.of(quorum);
  }

  /** Saves an accepted header; a database fault only costs asking the sources again later. */
  private void keep(long height, BlockHeader header, List<String> confirmedBy) {
    try {
      store.save(height, header, confirmedBy);
    } catch (RuntimeException e) {
      LOG.warning("Bitcoin header " + height + " not kept: " + e.getMessage());
    }
  }

  public synchronized TrustedHeaders trusted() {
    if (trusted == null)
      trusted = TrustedHeaders.of(settings.network()).withCheckpoints(settings.checkpoints());
    return trusted;
  }

  /** Validated headers in {@code [from, to]}, without asking any source. */
  public NavigableMap<Long, BlockHeader> validated(long from, long to) {
    return quorum()
        .map(q -> q.validated(from, to))
        .orElseGet(() -> new TreeMap<>(trusted().headers().subMap(from, true, to, true)));
  }

  /**
   * A headers file for blocks at {@code heights} from what is validated here (nothing is fetched):
   * see {@link ProofHeaders#forHeights}.
   */
  public String headersFileFor(Collection<Long> heights) {
    return ProofHeaders.forHeights(trusted(), this::validated, heights);
  }

  /**
   * The headers a proof bundle carries for the Bitcoin attestations of {@code otsProof}: for each
   * attested block, the validated headers from the first block of its difficulty period up to it
   * (one run per period, up to its highest attested block). Where the validated chain does not
   * reach back to the period's start, the run starts where it does; a block not validated here gets
   * no run. Nothing is fetched.
   */
  public List<ProofBundle.HeaderRun> bundleRuns(byte[] otsProof) {
    TreeMap<Long, Long> highestByPeriod = new TreeMap<>();
    int interval = trusted().network().interval();
    try {
      for (Timestamp.AttestedMessage am :
          DetachedTimestampFile.parse(otsProof).timestamp().allAttestations())
        if (am.attestation() instanceof BitcoinAttestation b)
          highestByPeriod.merge(b.height() - b.height() % interval, b.height(), Math::max);
    } catch (OtsFormatException e) {
      return List.of();
    }
    List<ProofBundle.HeaderRun> runs = new ArrayList<>();
    highestByPeriod.forEach(
        (start, block) -> {
          NavigableMap<Long, BlockHeader> found = validated(start, block);
          if (!found.containsKey(block)) return;
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          long from = block;
          // the contiguous stretch ending at the block
          while (from > start && found.containsKey(from - 1)) from--;
          for (long h = from; h <= block; h++) bytes.writeBytes(found.get(h).bytes());
          runs.add(new ProofBundle.HeaderRun(from, bytes.toByteArray()));
        });
    return runs;
  }

  /** For the page: which sources, and how many must agree. */
  public String describe() {
    Optional<HeaderQuorum> q = quorum();
    if (q.isEmpty()) return "none configured: Bitcoin attestations are stored but not checked here";
    return q.get().required()
        + " of "
        + q.get().sourceNames().size()
        + " must agree: "
        + String.join(", ", q.get().sourceNames());
  }

  /** The configured headers file, if any (shown beside the sources). */
  public Optional<Path> headersFile() {
    return settings.headersFile();
  }
}
