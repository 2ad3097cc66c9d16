package org.trialledger.anchoring.ots;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A node of a timestamp tree: a message, the attestations made on it, and the ops leading to child
 * nodes. Immutable; each child's message is its op applied to this message (checked on
 * construction). Attestations and ops are kept sorted and distinct as the reference serializes
 * them, so equal trees have equal bytes. A node read from another tool's proof also remembers the
 * order its branches were written in ({@link #branches()}), for showing and walking it as written.
 */
public final class Timestamp {
  /** The reference's recursion limit: nodes may sit at depths 0 to 255. */
  public static final int MAX_DEPTH = 255;

  private final byte[] message;
  private final List<Attestation> attestations;
  private final NavigableMap<Op, Timestamp> ops;
  private final List<Object> writtenOrder;
  private final int height;

  private Timestamp(
      byte[] message, List<Attestation> attestations, NavigableMap<Op, Timestamp> ops) {
    this(message, attestations, ops, null);
  }

  /**
   * @param writtenOrder each attestation and op of the node once, in the order read, or null for
   *     the reference's order
   */
  private Timestamp(
      byte[] message,
      List<Attestation> attestations,
      NavigableMap<Op, Timestamp> ops,
      List<Object> writtenOrder) {
    if (message.length > OpKind.MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException(
          "message longer than " + OpKind.MAX_MESSAGE_LENGTH + " bytes");
    }
    this.message = message;
    this.attestations = Collections.unmodifiableList(attestations);
    this.ops = Collections.unmodifiableNavigableMap(ops);
    this.writtenOrder = writtenOrder == null ? null : List.copyOf(writtenOrder);
    int h = 0;
    for (Timestamp child : ops.values()) h = Math.max(h, child.height + 1);
    if (h > MAX_DEPTH) throw new IllegalArgumentException("tree deeper than " + MAX_DEPTH + " ops");
    this.height = h;
  }

  /** A node with no branches yet: it must gain one before it can be serialized. */
  public static Timestamp of(byte[] message) {
    return new Timestamp(message.clone(), List.of(), new TreeMap<>());
  }

  /**
   * The chain {@code message →ops[0]→ … →ops[n-1]→ tip}; the last op's result must be {@code tip}'s
   * message.
   */
  public static Timestamp path(byte[] message, List<Op> path, Timestamp tip) {
    List<byte[]> messages = new ArrayList<>();
    byte[] m = message;
    for (Op op : path) {
      messages.add(m);
      m = op.apply(m);
    }
    if (!Arrays.equals(m, tip.message))
      throw new IllegalArgumentException("path does not lead to the tip's message");
    Timestamp node = tip;
    for (int i = path.size() - 1; i >= 0; i--) node = of(messages.get(i)).withOp(path.get(i), node);
    return node;
  }

  public byte[] message() {
    return message.clone();
  }

  /** Sorted as serialized. */
  public List<Attestation> attestations() {
    return attestations;
  }

  /** Sorted as serialized. */
  public NavigableMap<Op, Timestamp> ops() {
    return ops;
  }

  /** A branch of a node: an attestation, or an op and the node it leads to. */
  public record Branch(Attestation attestation, Op op, Timestamp child) {
    public boolean isAttestation() {
      return attestation != null;
    }
  }

  /** The node's branches in the order they were read, or in the reference's order if built. */
  public List<Branch> branches() {
    List<Branch> out = new ArrayList<>();
    if (writtenOrder == null) {
      for (Attestation a : attestations) out.add(new Branch(a, null, null));
      for (Map.Entry<Op, Timestamp> e : ops.entrySet())
        out.add(new Branch(null, e.getKey(), e.getValue()));
      return out;
    }
    for (Object o : writtenOrder) {
      if (o instanceof Op op) out.add(new Branch(null, op, ops.get(op)));
      else out.add(new Branch((Attestation) o, null, null));
    }
    return out;
  }

  public boolean isEmpty() {
    return attestations.isEmpty() && ops.isEmpty();
  }

  public Timestamp withAttestation(Attestation attestation) {
    TreeSet<Attestation> set = new TreeSet<>(attestations);
    set.add(attestation);
    return new Timestamp(message, new ArrayList<>(set), new TreeMap<>(ops));
  }

  /** Adds the branch {@code op → child}, merging with an existing branch of the same op. */
  public Timestamp withOp(Op op, Timestamp child) {
    if (!Arrays.equals(op.apply(message), child.message)) {
      throw new IllegalArgumentException("child message is not " + op + " of this message");
    }
    TreeMap<Op, Timestamp> map = new TreeMap<>(ops);
    map.merge(op, child, Timestamp::merge);
    return new Timestamp(message, new ArrayList<>(attestations), map);
  }

  /**
   * Everything in both trees, which must be for the same message (the reference's {@code merge}).
   */
  public Timestamp merge(Timestamp other) {
    if (!Arrays.equals(message, other.message)) {
      throw new IllegalArgumentException("can't merge timestamps for different messages");
    }
    Timestamp result = this;
    for (Attestation a : other.attestations) result = result.withAttestation(a);
    for (Map.Entry<Op, Timestamp> e : other.ops.entrySet())
      result = result.withOp(e.getKey(), e.getValue());
    return result;
  }

  /**
   * Merges {@code subtree} into every node whose message is the subtree's message: how a calendar's
   * answer (a timestamp for the commitment it was sent, or for the message at a pending
   * attestation) joins the proof.
   *
   * @throws IllegalArgumentException if no node has that message
   */
  public Timestamp mergeAt(Timestamp subtree) {
    Timestamp merged = mergeWhereFound(subtree);
    if (merged == null) {
      throw new IllegalArgumentException(
          "no node for message " + HexFormat.of().formatHex(subtree.message));
    }
    return merged;
  }

  /**
   * This node with {@code subtree} merged wherever its message occurs, or null if it occurs
   * nowhere.
   */
  private Timestamp mergeWhereFound(Timestamp subtree) {
    boolean found = false;
    TreeMap<Op, Timestamp> map = new TreeMap<>(ops);
    for (Map.Entry<Op, Timestamp> e : ops.entrySet()) {
      Timestamp child = e.getValue().mergeWhereFound(subtree);
      if (child != null) {
        map.put(e.getKey(), child);
        found = true;
      }
    }
    Timestamp result = found ? new Timestamp(message, new ArrayList<>(attestations), map) : null;
    if (Arrays.equals(message, subtree.message))
      result = (result == null ? this : result).merge(subtree);
    return result;
  }

  /** The first node (depth first, in branch order) whose message is {@code message}. */
  public Optional<Timestamp> nodeFor(byte[] message) {
    if (Arrays.equals(this.message, message)) return Optional.of(this);
    for (Branch b : branches()) {
      if (b.isAttestation()) continue;
      Optional<Timestamp> found = b.child().nodeFor(message);
      if (found.isPresent()) return found;
    }
    return Optional.empty();
  }

  /** A message of the tree and one attestation made on it. */
  public record AttestedMessage(byte[] message, Attestation attestation) {}

  /**
   * Every attestation in the tree with the message it attests, depth first in branch order (as
   * written, for a proof read from bytes).
   */
  public List<AttestedMessage> allAttestations() {
    List<AttestedMessage> out = new ArrayList<>();
    collect(out);
    return out;
  }

  private void collect(List<AttestedMessage> out) {
    for (Branch b : branches()) {
      if (b.isAttestation()) out.add(new AttestedMessage(message.clone(), b.attestation()));
      else b.child().collect(out);
    }
  }

  /** The reference serialization of this subtree (no file header). */
  public byte[] serialize() {
    ByteWriter w = new ByteWriter();
    TimestampCodec.write(this, w);
    return w.toByteArray();
  }

  /**
   * Parses a bare timestamp for {@code message}, as a calendar returns it; nothing may follow it.
   *
   * @throws IllegalArgumentException if {@code message} is longer than the reference allows
   */
  public static Timestamp parse(byte[] bytes, byte[] message) throws OtsFormatException {
    if (message.length > OpKind.MAX_MESSAGE_LENGTH)
      throw new IllegalArgumentException("message too long");
    ByteReader in = new ByteReader(bytes);
    Timestamp t = TimestampCodec.read(in, message.clone(), 0);
    in.requireEnd();
    return t;
  }

  static Timestamp trusted(
      byte[] message,
      List<Attestation> attestations,
      NavigableMap<Op, Timestamp> ops,
      List<Object> writtenOrder) {
    return new Timestamp(message, attestations, ops, writtenOrder);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timestamp t
        && Arrays.equals(message, t.message)
        && attestations.equals(t.attestations)
        && ops.equals(t.ops);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(message) * 31 + attestations.hashCode();
  }

  @Override
  public String toString() {
    return "Timestamp["
        + HexFormat.of().formatHex(message)
        + ", "
        + attestations.size()
        + " attestations, "
        + ops.size()
        + " ops]";
  }
}
