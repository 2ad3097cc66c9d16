package org.trialledger.anchoring.headersource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.ChainValidator;
import org.trialledger.anchoring.bitcoin.HeaderChain;
import org.trialledger.anchoring.bitcoin.HeaderSource;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;

/**
 * Several header sources asked together, none trusted. The chain grows from the newest trusted
 * block one height at a time: every source says which block it has there, each answered block's
 * header is checked by {@link ChainValidator} against the chain so far, and a block is accepted
 * only when at least {@code required} sources named it and it passed. A source whose block fails
 * the rules (off the chain, an easier target than the rule gives, a block from another height) is
 * refused; one naming another valid block is outvoted. Each source's last verdict is kept for the
 * page.
 */
public final class HeaderQuorum implements HeaderSource {
  /** What a source's last answer came to. */
  public enum Verdict {
    AGREED,
    OUTVOTED,
    REFUSED,
    FAILED
  }

  /** A source's last verdict, at which height and why. */
  public record SourceState(
      String source, Verdict verdict, Long height, String detail, Instant at) {}

  /** Where accepted headers are kept beyond this object's life (the server's database). */
  @FunctionalInterface
  public interface Memory {
    void accepted(long height, BlockHeader header, List<String> confirmedBy);
  }

  /** A header kept earlier, with the sources that had confirmed it. */
  public record Kept(BlockHeader header, List<String> confirmedBy) {}

  /** The name under which trusted headers confirm a block. */
  public static final String TRUSTED = "trusted headers";

  private final TrustedHeaders trusted;
  private final List<RemoteHeaderSource> sources;
  private final int required;
  private final Clock clock;
  // read by the page while a catch-up runs: concurrent maps, and one lock for growing the chain
  private final ConcurrentSkipListMap<Long, BlockHeader> chain = new ConcurrentSkipListMap<>();
  private final Map<Long, List<String>> confirmedBy = new ConcurrentHashMap<>();
  private final Map<String, SourceState> states =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final Map<String, SourceState> lastRefusals =
      Collections.synchronizedMap(new LinkedHashMap<>());
  private final Object growing = new Object();
  private volatile String problem = "not asked yet";
  private final Memory memory;

  public HeaderQuorum(
      TrustedHeaders trusted, List<RemoteHeaderSource> sources, int required, Clock clock) {
    this(trusted, sources, required, clock, (h, header, by) -> {});
  }

  /** A quorum that hands every header it accepts to {@code memory}. */
  public HeaderQuorum(
      TrustedHeaders trusted,
      List<RemoteHeaderSource> sources,
      int required,
      Clock clock,
      Memory memory) {
    this.memory = memory;
    if (sources.isEmpty()) throw new IllegalArgumentException("no header source");
    if (required < 1 || required > sources.size())
      throw new IllegalArgumentException(
          "agreement of " + required + " of " + sources.size() + " sources cannot be reached");
    this.trusted = trusted;
    this.sources = List.copyOf(sources);
    this.required = required;
    this.clock = clock;
    for (RemoteHeaderSource s : sources)
      states.put(s.name(), new SourceState(s.name(), null, null, "not asked yet", null));
  }

  /**
   * Takes back headers kept earlier, validated again from the trusted headers by Bitcoin's rules
   * ({@link HeaderChain}): a kept header that no longer links (a row changed in the database, a
   * checkpoint changed in the settings) is dropped, and asked of the sources again when needed.
   *
   * @return how many were taken back
   */
  public int restore(Map<Long, Kept> kept) {
    Map<Long, BlockHeader> headers = new TreeMap<>();
    kept.forEach((h, k) -> headers.put(h, k.header()));
    HeaderChain valid = HeaderChain.build(trusted, headers);
    synchronized (growing) {
      valid
          .accepted()
          .forEach(
              (h, header) -> {
                chain.put(h, header);
                confirmedBy.put(h, kept.get(h).confirmedBy());
              });
    }
    return valid.accepted().size();
  }

  /** The validated header at {@code height}, asking the sources up to it if needed. */
  @Override
  public Optional<BlockHeader> header(long height) {
    Optional<BlockHeader> known = known(height);
    if (known.isPresent()) return known;
    synchronized (growing) {
      if (known(height).isEmpty()) sync(height);
      return known(height);
    }
  }

  @Override
  public String whyMissing(long height) {
    return "no agreed header at height " + height + ": " + problem;
  }

  /** The sources that agreed on the block at {@code height} (empty if not validated). */
  public List<String> confirmedBy(long height) {
    if (trusted.header(height).isPresent()) return List.of(TRUSTED);
    return confirmedBy.getOrDefault(height, List.of());
  }

  /** Every source's last verdict, in configuration order. */
  public List<SourceState> states() {
    synchronized (states) {
      return List.copyOf(states.values());
    }
  }

  /** Each refused source's last refusal: which source lied, where, and how. */
  public List<SourceState> refusals() {
    synchronized (lastRefusals) {
      return List.copyOf(lastRefusals.values());
    }
  }

  /** Validated headers (trusted or agreed) in a height range, without asking anyone. */
  public NavigableMap<Long, BlockHeader> validated(long from, long to) {
    TreeMap<Long, BlockHeader> out = new TreeMap<>(chain.subMap(from, true, to, true));
    trusted.headers().subMap(from, true, to, true).forEach(out::putIfAbsent);
    return Collections.unmodifiableNavigableMap(out);
  }

  public int required() {
    return required;
  }

  public List<String> sourceNames() {
    return sources.stream().map(RemoteHeaderSource::name).toList();
  }

  private Optional<BlockHeader> known(long height) {
    return Optional.ofNullable(chain.get(height)).or(() -> trusted.header(height));
  }

  private void sync(long target) {
    Long start = startBelow(target);
    if (start == null) {
      problem = "no trusted block at or below " + target + " (configure a checkpoint)";
      return;
    }
    if (known(start).isEmpty() && !pinDown(start)) return;
    Set<String> excluded = new HashSet<>();
    for (long h = start + 1; h <= target; h++) if (!step(h, excluded)) return;
  }

  /** The highest height at or below {@code target} the chain can grow from. */
  private Long startBelow(long target) {
    Long best = chain.floorKey(target);
    Long t = trusted.hashes().floorKey(target);
    if (t != null && (best == null || t > best)) best = t;
    return best;
  }

  /**
   * A checkpoint gives only a hash: fetch its header and, following the previous-hash links, the
   * headers back to its period's first block (needed for the next retarget) and, where sources have
   * them, ten more (for the median time). Any source will do: the hashes pin every byte.
   */
  private boolean pinDown(long checkpoint) {
    long periodStart = checkpoint - checkpoint % trusted.network().interval();
    long down = Math.max(0, Math.min(checkpoint - 10, periodStart));
    String hash = trusted.hash(checkpoint).orElseThrow();
    for (long h = checkpoint; h >= down; h--) {
      BlockHeader header = anyHeader(h, hash, h >= periodStart);
      if (header == null) {
        if (h < periodStart) return true;
        problem = "no source has block " + hash + " at " + h;
        return false;
      }
      chain.put(h, header);
      confirmedBy.put(h, List.of("checkpoint " + checkpoint));
      memory.accepted(h, header, confirmedBy.get(h));
      hash = hex(header.previousBlockHash());
    }
    return true;
  }

  private BlockHeader anyHeader(long height, String hash, boolean needed) {
    for (RemoteHeaderSource s : sources) {
      try {
        return s.header(hash);
      } catch (SourceException e) {
        if (needed) note(s, Verdict.FAILED, height, e.getMessage());
      }
    }
    return null;
  }

  /**
   * Asks every source about {@code height}; accepts a block enough of them name and the rules pass.
   */
  private boolean step(long height, Set<String> excluded) {
    Map<String, List<RemoteHeaderSource>> named = new LinkedHashMap<>();
    for (RemoteHeaderSource s : sources) {
      if (excluded.contains(s.name())) continue;
      try {
        named.computeIfAbsent(s.blockHash(height), k -> new ArrayList<>()).add(s);
      } catch (SourceException e) {
        note(s, Verdict.FAILED, height, e.getMessage());
      }
    }
    Map<String, BlockHeader> valid = new HashMap<>();
    for (Map.Entry<String, List<RemoteHeaderSource>> e : named.entrySet()) {
      BlockHeader header = null;
      for (RemoteHeaderSource s : new ArrayList<>(e.getValue())) {
        try {
          header = s.header(e.getKey());
          break;
        } catch (SourceException ex) {
          refuse(s, height, ex.getMessage(), excluded);
          e.getValue().remove(s);
        }
      }
      if (header == null) continue;
      Optional<String> why = ChainValidator.check(trusted.network(), height, header, this::known);
      if (why.isPresent()) {
        for (RemoteHeaderSource s : e.getValue()) refuse(s, height, why.get(), excluded);
        e.getValue().clear();
      } else {
        valid.put(e.getKey(), header);
      }
    }
    String best = null;
    for (String hash : valid.keySet())
      if (best == null || named.get(hash).size() > named.get(best).size()) best = hash;
    int votes = best == null ? 0 : named.get(best).size();
    if (votes < required) {
      problem =
          "at height "
              + height
              + " "
              + votes
              + " source(s) agree on a valid block, "
              + required
              + " needed";
      return false;
    }
    chain.put(height, valid.get(best));
    List<String> agreed = named.get(best).stream().map(RemoteHeaderSource::name).toList();
    confirmedBy.put(height, agreed);
    memory.accepted(height, valid.get(best), agreed);
    for (RemoteHeaderSource s : named.get(best)) note(s, Verdict.AGREED, height, "block " + best);
    for (String other : valid.keySet()) {
      if (other.equals(best)) continue;
      for (RemoteHeaderSource s : named.get(other))
        note(s, Verdict.OUTVOTED, height, "named block " + other + "; " + votes + " named " + best);
    }
    problem = "none";
    return true;
  }

  private void refuse(RemoteHeaderSource s, long height, String why, Set<String> excluded) {
    excluded.add(s.name());
    note(s, Verdict.REFUSED, height, why);
    lastRefusals.put(s.name(), states.get(s.name()));
  }

  private void note(RemoteHeaderSource s, Verdict verdict, long height, String detail) {
    states.put(s.name(), new SourceState(s.name(), verdict, height, detail, clock.instant()));
  }

  private static String hex(byte[] internalOrder) {
    StringBuilder b = new StringBuilder();
    for (int i = internalOrder.length - 1; i >= 0; i--)
      b.append(String.format("%02x", internalOrder[i] & 0xff));
    return b.toString();
  }
}
