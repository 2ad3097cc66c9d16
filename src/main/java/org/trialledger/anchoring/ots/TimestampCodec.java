package org.trialledger.anchoring.ots;

import static org.trialledger.anchoring.ots.OtsFormatException.Reason.MESSAGE_TOO_LONG;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.NON_CANONICAL;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.RECURSION_LIMIT;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.UNKNOWN_OP;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The timestamp tree's wire form (the reference's {@code Timestamp.serialize/deserialize}): at each
 * node, every branch but the last is prefixed 0xff; a branch is 0x00 + attestation, or an op and
 * its child.
 */
final class TimestampCodec {
  private static final int FORK = 0xff;
  private static final int ATTESTATION = 0x00;

  private TimestampCodec() {}

  static void write(Timestamp t, ByteWriter w) {
    if (t.isEmpty())
      throw new IllegalStateException("an empty timestamp can't be serialized: " + t);
    int remaining = t.attestations().size() + t.ops().size();
    for (Attestation a : t.attestations()) {
      if (--remaining > 0) w.writeByte(FORK);
      w.writeByte(ATTESTATION);
      Attestations.write(a, w);
    }
    for (Map.Entry<Op, Timestamp> e : t.ops().entrySet()) {
      if (--remaining > 0) w.writeByte(FORK);
      e.getKey().writeTo(w);
      write(e.getValue(), w);
    }
  }

  /**
   * Reads the node for {@code message} at {@code depth} in the reference's canonical form,
   * computing every child's message eagerly as the reference does, so limits on message size are
   * enforced while parsing.
   */
  static Timestamp read(ByteReader in, byte[] message, int depth) throws OtsFormatException {
    return read(in, message, depth, true);
  }

  /**
   * @param canonical whether branches must come in the reference's order, each once; if not, they
   *     are read as the reference reads them: in any order, a repeated attestation counted once and
   *     a repeated op's later subtree replacing the earlier (its {@code OpSet}), the order as
   *     written kept for {@link Timestamp#branches()}
   */
  static Timestamp read(ByteReader in, byte[] message, int depth, boolean canonical)
      throws OtsFormatException {
    if (depth > Timestamp.MAX_DEPTH)
      throw in.fail(RECURSION_LIMIT, "timestamp nested deeper than 256");
    TreeSet<Attestation> attestations = new TreeSet<>();
    TreeMap<Op, Timestamp> ops = new TreeMap<>();
    LinkedHashSet<Object> written = new LinkedHashSet<>();
    boolean more;
    do {
      int start = in.position();
      int tag = in.readByte();
      more = tag == FORK;
      if (more) tag = in.readByte();
      if (tag == ATTESTATION) {
        Attestation a = Attestations.read(in);
        boolean inOrder =
            ops.isEmpty() && (attestations.isEmpty() || attestations.last().compareTo(a) < 0);
        if (canonical && !inOrder) {
          throw new OtsFormatException(
              NON_CANONICAL, start, "attestation out of order or repeated");
        }
        attestations.add(a);
        written.add(a);
      } else {
        Op op = readOp(in, tag);
        if (canonical && !ops.isEmpty() && ops.lastKey().compareTo(op) >= 0) {
          throw new OtsFormatException(
              NON_CANONICAL, start, "op " + op + " out of order or repeated");
        }
        byte[] result;
        try {
          result = op.apply(message);
        } catch (IllegalArgumentException e) {
          throw new OtsFormatException(MESSAGE_TOO_LONG, start, e.getMessage());
        }
        ops.put(op, read(in, result, depth + 1, canonical));
        written.add(op);
      }
    } while (more);
    return Timestamp.trusted(
        message, new ArrayList<>(attestations), ops, canonical ? null : new ArrayList<>(written));
  }

  private static Op readOp(ByteReader in, int tag) throws OtsFormatException {
    OpKind kind = OpKind.fromTag(tag);
    if (kind == null) throw in.fail(UNKNOWN_OP, String.format("unknown op tag 0x%02x", tag));
    if (!kind.isBinary()) return Op.unary(kind);
    return Op.binary(kind, in.readVarbytes(1, OpKind.MAX_MESSAGE_LENGTH));
  }
}
