package org.trialledger.anchoring.ots;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A leaf of a timestamp tree: some notary's claim about the message at that node. Serialized as an
 * 8-byte tag and a varbytes payload; ordered as the reference sorts them (by tag, then by the
 * type's own key).
 */
public sealed interface Attestation extends Comparable<Attestation>
    permits PendingAttestation,
        BitcoinAttestation,
        LitecoinAttestation,
        EthereumAttestation,
        UnknownAttestation {

  int TAG_SIZE = 8;

  /** The reference's {@code TimeAttestation.MAX_PAYLOAD_SIZE}. */
  int MAX_PAYLOAD_SIZE = 8192;

  /** The 8-byte tag (a copy). */
  byte[] tag();

  /** The payload bytes as serialized inside the varbytes. */
  byte[] payload();

  /** Orders two attestations of the same tag. */
  int compareSameTag(Attestation other);

  @Override
  default int compareTo(Attestation other) {
    int c = Arrays.compareUnsigned(tag(), other.tag());
    return c != 0 ? c : compareSameTag(other);
  }

  static byte[] tagOf(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
