package org.trialledger.anchoring.bitcoin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Headers from anywhere (a file, a proof bundle, a node), kept only where they belong to the chain
 * that {@link TrustedHeaders} vouch for. Given headers fall into runs of consecutive heights linked
 * by previous-block hashes. A run is accepted up to its highest trusted block (everything before it
 * is pinned by the hash links), and after that header by header while {@link ChainValidator} agrees
 * (links, difficulty rule, proof of work, median time); a run linked to no trusted block is
 * refused. So a forged header needs as much work as the real chain at that height.
 */
public final class HeaderChain implements HeaderSource {
  private final TrustedHeaders trusted;
  private final NavigableMap<Long, BlockHeader> accepted;
  private final NavigableMap<Long, String> refused;
  private final NavigableMap<Long, BlockHeader> refusedHeaders;
  private final Set<Long> unlinked;

  private HeaderChain(
      TrustedHeaders trusted,
      NavigableMap<Long, BlockHeader> accepted,
      NavigableMap<Long, String> refused,
      NavigableMap<Long, BlockHeader> refusedHeaders,
      Set<Long> unlinked) {
    this.trusted = trusted;
    this.unlinked = Set.copyOf(unlinked);
    this.accepted = Collections.unmodifiableNavigableMap(accepted);
    this.refused = Collections.unmodifiableNavigableMap(refused);
    this.refusedHeaders = Collections.unmodifiableNavigableMap(refusedHeaders);
  }

  /** Only the trusted headers themselves. */
  public static HeaderChain trustedOnly(TrustedHeaders trusted) {
    return new HeaderChain(trusted, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), Set.of());
  }

  /** Validates {@code given} (height → header) against {@code trusted}. */
  public static HeaderChain build(TrustedHeaders trusted, Map<Long, BlockHeader> given) {
    TreeMap<Long, BlockHeader> accepted = new TreeMap<>();
    TreeMap<Long, String> refused = new TreeMap<>();
    Set<Long> unlinked = new HashSet<>();
    for (List<Map.Entry<Long, BlockHeader>> run : runs(new TreeMap<>(given)))
      validateRun(trusted, run, accepted, refused, unlinked);
    TreeMap<Long, BlockHeader> refusedHeaders = new TreeMap<>();
    refused.keySet().forEach(h -> refusedHeaders.put(h, given.get(h)));
    return new HeaderChain(trusted, accepted, refused, refusedHeaders, unlinked);
  }

  /** Maximal stretches of consecutive heights where each header names the one before it. */
  private static List<List<Map.Entry<Long, BlockHeader>>> runs(TreeMap<Long, BlockHeader> sorted) {
    List<List<Map.Entry<Long, BlockHeader>>> runs = new ArrayList<>();
    List<Map.Entry<Long, BlockHeader>> run = new ArrayList<>();
    for (Map.Entry<Long, BlockHeader> e : sorted.entrySet()) {
      if (!run.isEmpty()) {
        Map.Entry<Long, BlockHeader> last = run.get(run.size() - 1);
        boolean follows =
            last.getKey() == e.getKey() - 1
                && Arrays.equals(
                    e.getValue().previousBlockHash(), last.getValue().hashInternalOrder());
        if (!follows) {
          runs.add(run);
          run = new ArrayList<>();
        }
      }
      run.add(e);
    }
    if (!run.isEmpty()) runs.add(run);
    return runs;
  }

  private static void validateRun(
      TrustedHeaders trusted,
      List<Map.Entry<Long, BlockHeader>> run,
      TreeMap<Long, BlockHeader> accepted,
      TreeMap<Long, String> refused,
      Set<Long> unlinked) {
    int anchor = -2;
    for (int i = 0; i < run.size(); i++) {
      long height = run.get(i).getKey();
      String hash = run.get(i).getValue().blockHashHex();
      Optional<String> known = trusted.hash(height);
      if (known.isPresent() && !known.get().equals(hash)) {
        refuseFrom(
            run,
            0,
            refused,
            "header "
                + hash
                + " at "
                + height
                + " is not the trusted block "
                + known.get()
                + " (or follows from one that is not)");
        return;
      }
      if (known.isPresent()) anchor = i;
    }
    long start = run.get(0).getKey();
    if (anchor < 0) {
      Optional<BlockHeader> before = trusted.header(start - 1);
      if (before.isPresent()
          && Arrays.equals(
              run.get(0).getValue().previousBlockHash(), before.get().hashInternalOrder())) {
        anchor = -1;
      } else {
        refuseFrom(
            run,
            0,
            refused,
            "headers "
                + start
                + "–"
                + run.get(run.size() - 1).getKey()
                + " do not link to a trusted block (start them at a trusted header, or add a"
                + " checkpoint)");
        run.forEach(e -> unlinked.add(e.getKey()));
        return;
      }
    }
    for (int i = 0; i <= anchor; i++) accepted.put(run.get(i).getKey(), run.get(i).getValue());
    ChainValidator.Ancestors below =
        h -> Optional.ofNullable(accepted.get(h)).or(() -> trusted.header(h));
    for (int i = anchor + 1; i < run.size(); i++) {
      long height = run.get(i).getKey();
      Optional<String> why =
          ChainValidator.check(trusted.network(), height, run.get(i).getValue(), below);
      if (why.isPresent()) {
        refused.put(height, why.get());
        refuseFrom(
            run, i + 1, refused, "follows the refused header at " + height + ": " + why.get());
        return;
      }
      accepted.put(height, run.get(i).getValue());
    }
  }

  private static void refuseFrom(
      List<Map.Entry<Long, BlockHeader>> run,
      int from,
      TreeMap<Long, String> refused,
      String reason) {
    for (int i = from; i < run.size(); i++) refused.put(run.get(i).getKey(), reason);
  }

  /**
   * Whether the header given for {@code height} contradicts what is trusted (another hash than a
   * trusted or pinned one, or a break of the header rules on the way from one): evidence against a
   * claim. Headers that merely do not reach a trusted one prove nothing either way.
   */
  public boolean contradicts(long height) {
    return refused.containsKey(height) && !unlinked.contains(height);
  }

  /** The accepted or trusted header at {@code height}. */
  @Override
  public Optional<BlockHeader> header(long height) {
    return Optional.ofNullable(accepted.get(height)).or(() -> trusted.header(height));
  }

  @Override
  public String whyMissing(long height) {
    String why = refused.get(height);
    if (why != null) return "the header at " + height + " was refused: " + why;
    return "no header at height "
        + height
        + " links to a trusted block (give headers from a trusted one, or a checkpoint)";
  }

  /**
   * Whether {@code merkleRoot} (internal byte order) is the merkle root of the validated block at
   * {@code height}: what a Bitcoin attestation claims.
   */
  public boolean confirms(long height, byte[] merkleRoot) {
    return header(height).map(h -> Arrays.equals(h.merkleRoot(), merkleRoot)).orElse(false);
  }

  /** The given headers that were accepted, by height. */
  public NavigableMap<Long, BlockHeader> accepted() {
    return accepted;
  }

  /** The given headers that were refused, with the reason. */
  public NavigableMap<Long, String> refused() {
    return refused;
  }

  /** The given headers that were refused, by height (the reasons are in {@link #refused}). */
  public NavigableMap<Long, BlockHeader> refusedHeaders() {
    return refusedHeaders;
  }

  public TrustedHeaders trusted() {
    return trusted;
  }
}
