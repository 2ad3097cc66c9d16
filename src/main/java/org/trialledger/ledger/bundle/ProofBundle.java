package org.trialledger.ledger.bundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;

/**
 * Everything needed to verify one artifact offline (docs/ledger-format.md, "Proof bundle"): the
 * content hash (and for a commitment its salt and, optionally, the record), the entry, its leaf
 * index and inclusion proof in a tree of {@code treeSize}, the signed checkpoint of that size, the
 * log's verifier key, optionally earlier checkpoints with consistency proofs, and the checkpoint's
 * timestamps when anchored, with the Bitcoin block headers the verifier validates the anchor's
 * block with.
 */
public record ProofBundle(
    String contentKind,
    Hash contentHash,
    String saltBase64,
    Object record,
    byte[] entry,
    long leafIndex,
    long treeSize,
    List<Hash> inclusionProof,
    String checkpoint,
    String logKey,
    List<Consistency> consistency,
    String otsBase64,
    String rfc3161Base64,
    List<HeaderRun> bitcoinHeaders) {
  public static final String FORMAT = "trialledger.proof-bundle/1";

  /**
   * The most headers one run may hold: a whole difficulty period of Bitcoin's, from its first block
   * up to its last (2,015 after the first, 80 bytes each).
   */
  public static final int MAX_RUN_HEADERS = 2016;

  /** The members a bundle may have, at each level; any other is refused by name. */
  static final Set<String> MEMBERS =
      Set.of(
          "format",
          "content",
          "entry",
          "leafIndex",
          "treeSize",
          "inclusionProof",
          "checkpoint",
          "logKey",
          "consistency",
          "timestamps");

  static final Set<String> CONTENT_MEMBERS = Set.of("kind", "hash", "salt", "record");
  static final Set<String> CONSISTENCY_MEMBERS = Set.of("checkpoint", "proof");
  static final Set<String> TIMESTAMP_MEMBERS = Set.of("ots", "rfc3161", "bitcoinHeaders");
  static final Set<String> HEADER_RUN_MEMBERS = Set.of("from", "headers");

  public ProofBundle {
    entry = entry.clone();
    inclusionProof = List.copyOf(inclusionProof);
    consistency = consistency == null ? List.of() : List.copyOf(consistency);
    bitcoinHeaders = bitcoinHeaders == null ? List.of() : List.copyOf(bitcoinHeaders);
  }

  /** A bundle without Bitcoin headers. */
  public ProofBundle(
      String contentKind,
      Hash contentHash,
      String saltBase64,
      Object record,
      byte[] entry,
      long leafIndex,
      long treeSize,
      List<Hash> inclusionProof,
      String checkpoint,
      String logKey,
      List<Consistency> consistency,
      String otsBase64,
      String rfc3161Base64) {
    this(
        contentKind,
        contentHash,
        saltBase64,
        record,
        entry,
        leafIndex,
        treeSize,
        inclusionProof,
        checkpoint,
        logKey,
        consistency,
        otsBase64,
        rfc3161Base64,
        List.of());
  }

  /** This bundle carrying {@code runs} as its Bitcoin headers. */
  public ProofBundle withBitcoinHeaders(List<HeaderRun> runs) {
    return new ProofBundle(
        contentKind,
        contentHash,
        saltBase64,
        record,
        entry,
        leafIndex,
        treeSize,
        inclusionProof,
        checkpoint,
        logKey,
        consistency,
        otsBase64,
        rfc3161Base64,
        runs);
  }

  /**
   * Consecutive 80-byte Bitcoin block headers, the first at height {@code from}. The ledger core
   * does not read them: the verifier validates them against the headers it trusts, never trusting
   * them for being here.
   */
  public record HeaderRun(long from, byte[] headers) {
    public HeaderRun {
      if (from < 0 || from > 0xffff_ffffL)
        throw new IllegalArgumentException("a header run starts at a block height (0 to 2^32 − 1)");
      if (headers.length == 0 || headers.length % 80 != 0)
        throw new IllegalArgumentException("a header run is a whole number of 80-byte headers");
      if (headers.length / 80 > MAX_RUN_HEADERS)
        throw new IllegalArgumentException(
            "a header run holds at most " + MAX_RUN_HEADERS + " headers");
      headers = headers.clone();
    }

    @Override
    public byte[] headers() {
      return headers.clone();
    }

    /** How many headers the run holds. */
    public int count() {
      return headers.length / 80;
    }

    /** The height of its last header. */
    public long to() {
      return from + count() - 1;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof HeaderRun r && r.from == from && Arrays.equals(r.headers, headers);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(from) * 31 + Arrays.hashCode(headers);
    }

    @Override
    public String toString() {
      return "HeaderRun[" + from + "–" + to() + "]";
    }
  }

  /** An earlier checkpoint (signed note) and the proof that the bundle's checkpoint extends it. */
  public record Consistency(String checkpoint, List<Hash> proof) {
    public Consistency {
      proof = List.copyOf(proof);
    }
  }

  @Override
  public byte[] entry() {
    return entry.clone();
  }

  /** The bundle as canonical JSON text. */
  public String toJson() {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("kind", contentKind);
    content.put("hash", contentHash.hex());
    if (saltBase64 != null) content.put("salt", saltBase64);
    if (record != null) content.put("record", record);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("content", content);
    m.put("entry", HexFormat.of().formatHex(entry));
    m.put("leafIndex", leafIndex);
    m.put("treeSize", treeSize);
    m.put("inclusionProof", inclusionProof.stream().map(Hash::hex).toList());
    m.put("checkpoint", checkpoint);
    m.put("logKey", logKey);
    if (!consistency.isEmpty()) {
      List<Object> list = new ArrayList<>();
      for (Consistency c : consistency) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("checkpoint", c.checkpoint());
        cm.put("proof", c.proof().stream().map(Hash::hex).toList());
        list.add(cm);
      }
      m.put("consistency", list);
    }
    if (otsBase64 != null || rfc3161Base64 != null) {
      Map<String, Object> ts = new LinkedHashMap<>();
      if (otsBase64 != null) ts.put("ots", otsBase64);
      if (rfc3161Base64 != null) ts.put("rfc3161", rfc3161Base64);
      if (!bitcoinHeaders.isEmpty()) {
        List<Object> runs = new ArrayList<>();
        for (HeaderRun run : bitcoinHeaders) {
          Map<String, Object> rm = new LinkedHashMap<>();
          rm.put("from", run.from());
          rm.put("headers", HexFormat.of().formatHex(run.headers));
          runs.add(rm);
        }
        ts.put("bitcoinHeaders", runs);
      }
      m.put("timestamps", ts);
    }
    return CanonicalJson.write(m);
  }

  /**
   * Parses a bundle strictly: an unknown format, an unknown, duplicated, missing or mistyped member
   * is refused with the member named. A member we do not know could carry a claim we would not
   * check, so it is not ignored.
   */
  public static ProofBundle parse(String json) {
    Object parsed;
    try {
      parsed = JsonParser.parse(json);
    } catch (IllegalArgumentException e) {
      throw new MalformedBundleException(e.getMessage()); // names a duplicated member
    }
    Fields f = new Fields(parsed, "bundle");
    f.onlyMembers(MEMBERS);
    String format = f.string("format");
    if (!FORMAT.equals(format))
      throw new MalformedBundleException(
          "Unknown bundle format \"" + format + "\" (expected " + FORMAT + ")");
    Fields content = f.object("content");
    content.onlyMembers(CONTENT_MEMBERS);
    List<Consistency> consistency = new ArrayList<>();
    List<?> earlier = f.optionalList("consistency");
    for (int i = 0; i < earlier.size(); i++) {
      Fields c = new Fields(earlier.get(i), "bundle.consistency[" + i + "]");
      c.onlyMembers(CONSISTENCY_MEMBERS);
      consistency.add(new Consistency(c.string("checkpoint"), c.hashes("proof")));
    }
    Fields ts = f.has("timestamps") ? f.object("timestamps") : null;
    if (ts != null) ts.onlyMembers(TIMESTAMP_MEMBERS);
    List<HeaderRun> runs = ts == null ? List.of() : headerRuns(ts);
    try {
      return new ProofBundle(
          content.string("kind"),
          content.hash("hash"),
          content.optionalString("salt"),
          content.optional("record"),
          HexFormat.of().parseHex(f.string("entry")),
          f.nonNegative("leafIndex"),
          f.nonNegative("treeSize"),
          f.hashes("inclusionProof"),
          f.string("checkpoint"),
          f.string("logKey"),
          consistency,
          ts == null ? null : ts.optionalString("ots"),
          ts == null ? null : ts.optionalString("rfc3161"),
          runs);
    } catch (IllegalArgumentException e) {
      throw e instanceof MalformedBundleException m
          ? m
          : new MalformedBundleException(e.getMessage());
    }
  }

  /**
   * {@code timestamps.bitcoinHeaders}: runs of whole headers, in ascending order, not overlapping,
   * each at most {@link #MAX_RUN_HEADERS} long. Whether they link to a trusted block is the
   * verifier's question, not the reader's.
   */
  private static List<HeaderRun> headerRuns(Fields ts) {
    List<?> list = ts.optionalList("bitcoinHeaders");
    if (ts.has("bitcoinHeaders") && list.isEmpty())
      throw new MalformedBundleException("bundle.timestamps.bitcoinHeaders must not be empty");
    List<HeaderRun> runs = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "bundle.timestamps.bitcoinHeaders[" + i + "]";
      Fields r = new Fields(list.get(i), where);
      r.onlyMembers(HEADER_RUN_MEMBERS);
      long from = r.nonNegative("from");
      String hex = r.string("headers");
      if (hex.isEmpty() || hex.length() % 160 != 0 || !hex.matches("[0-9a-f]*"))
        throw new MalformedBundleException(
            where + ".headers must be lower-case hex of whole 80-byte block headers");
      if (hex.length() / 160 > MAX_RUN_HEADERS)
        throw new MalformedBundleException(
            where
                + ".headers holds "
                + hex.length() / 160
                + " headers; at most "
                + MAX_RUN_HEADERS
                + " (one difficulty period)");
      HeaderRun run = new HeaderRun(from, HexFormat.of().parseHex(hex));
      if (!runs.isEmpty() && run.from() <= runs.get(runs.size() - 1).to())
        throw new MalformedBundleException(
            where + " overlaps or precedes the run before it (runs ascend by height)");
      runs.add(run);
    }
    return runs;
  }

  /** A bundle that cannot be read. */
  public static final class MalformedBundleException extends IllegalArgumentException {
    public MalformedBundleException(String message) {
      super(message);
    }
  }

  /** Typed access to a parsed JSON object, naming the field in every error. */
  private static final class Fields {
    private final Map<?, ?> map;
    private final String where;

    Fields(Object value, String where) {
      if (!(value instanceof Map<?, ?> m))
        throw new MalformedBundleException(where + " is not a JSON object");
      this.map = m;
      this.where = where;
    }

    void onlyMembers(Set<String> known) {
      for (Object key : map.keySet()) {
        if (!known.contains(key))
          throw new MalformedBundleException(
              "unknown member "
                  + where
                  + "."
                  + key
                  + " (a bundle may have only "
                  + sorted(known)
                  + ")");
      }
    }

    private static String sorted(Set<String> s) {
      return String.join(", ", new TreeSet<>(s));
    }

    private void require(String key) {
      if (!map.containsKey(key))
        throw new MalformedBundleException("missing member " + where + "." + key);
    }

    boolean has(String key) {
      return map.containsKey(key) && map.get(key) != null;
    }

    Object optional(String key) {
      return map.get(key);
    }

    String string(String key) {
      require(key);
      Object v = map.get(key);
      if (!(v instanceof String s))
        throw new MalformedBundleException(where + "." + key + " must be a string");
      return s;
    }

    String optionalString(String key) {
      return has(key) ? string(key) : null;
    }

    long nonNegative(String key) {
      require(key);
      Object v = map.get(key);
      if (!(v instanceof Long l) || l < 0)
        throw new MalformedBundleException(where + "." + key + " must be a whole number ≥ 0");
      return l;
    }

    Hash hash(String key) {
      try {
        return Hash.ofHex(string(key));
      } catch (IllegalArgumentException e) {
        throw new MalformedBundleException(where + "." + key + " must be 64 hexadecimal digits");
      }
    }

    Fields object(String key) {
      require(key);
      return new Fields(map.get(key), where + "." + key);
    }

    List<?> optionalList(String key) {
      if (!has(key)) return List.of();
      if (!(map.get(key) instanceof List<?> l))
        throw new MalformedBundleException(where + "." + key + " must be an array");
      return l;
    }

    List<Hash> hashes(String key) {
      require(key);
      if (!(map.get(key) instanceof List<?> l))
        throw new MalformedBundleException(where + "." + key + " must be an array");
      List<Hash> out = new ArrayList<>();
      for (Object o : l) {
        if (!(o instanceof String s))
          throw new MalformedBundleException(where + "." + key + " must hold hex strings");
        try {
          out.add(Hash.ofHex(s));
        } catch (IllegalArgumentException e) {
          throw new MalformedBundleException(where + "." + key + " must hold 64-digit hex hashes");
        }
      }
      return out;
    }
  }
}
