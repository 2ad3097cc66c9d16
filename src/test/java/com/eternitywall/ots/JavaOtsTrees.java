package com.eternitywall.ots;

import com.eternitywall.ots.attestation.BitcoinBlockHeaderAttestation;
import com.eternitywall.ots.attestation.PendingAttestation;
import com.eternitywall.ots.attestation.TimeAttestation;
import com.eternitywall.ots.op.Op;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds trees with java-opentimestamps 1.11's own classes. Its {@code Timestamp.ops} and {@code
 * attestations} are package-private in 1.11 (no public {@code add}), hence this test helper in the
 * library's package.
 */
public final class JavaOtsTrees {
  private JavaOtsTrees() {}

  /**
   * Adds {@code op} under {@code parent} (or returns the existing child) as the library does
   * internally.
   */
  public static Timestamp add(Timestamp parent, Op op) {
    Timestamp child = parent.ops.get(op);
    if (child == null) {
      child = new Timestamp(op.call(parent.msg));
      parent.ops.put(op, child);
    }
    return child;
  }

  /**
   * One of the library's ops by tag; some of its op constructors are package-private, its tag
   * factory is not.
   */
  public static Op op(int tag, byte[] arg) {
    StreamSerializationContext argBytes = new StreamSerializationContext();
    if (arg.length > 0) argBytes.writeVarbytes(arg);
    return Op.deserializeFromTag(
        new StreamDeserializationContext(argBytes.getOutput()), (byte) tag);
  }

  public static void attest(Timestamp node, TimeAttestation attestation) {
    node.attestations.add(attestation);
  }

  /** Every (message, attestation) of a proof, described as "bitcoin HEIGHT" or "pending URI". */
  public static List<Map.Entry<byte[], String>> allAttestations(DetachedTimestampFile file) {
    List<Map.Entry<byte[], String>> out = new ArrayList<>();
    collect(file.timestamp, out);
    return out;
  }

  private static void collect(Timestamp t, List<Map.Entry<byte[], String>> out) {
    for (TimeAttestation a : t.attestations) {
      String d =
          a instanceof BitcoinBlockHeaderAttestation b
              ? "bitcoin " + b.getHeight()
              : "pending "
                  + new String(((PendingAttestation) a).getUri(), StandardCharsets.US_ASCII);
      out.add(Map.entry(t.msg, d));
    }
    for (Timestamp child : t.ops.values()) collect(child, out);
  }

  public static byte[] serialize(DetachedTimestampFile file) {
    StreamSerializationContext ctx = new StreamSerializationContext();
    file.serialize(ctx);
    return ctx.getOutput();
  }

  public static byte[] roundTrip(byte[] proof) {
    return serialize(DetachedTimestampFile.deserialize(new StreamDeserializationContext(proof)));
  }
}
