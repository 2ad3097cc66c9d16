package org.trialledger.anchoring.ots;

/**
 * A Bitcoin block header at this height has the attested message as its merkle root (internal byte
 * order).
 */
public record BitcoinAttestation(long height) implements Attestation {
  static final byte[] TAG = Attestation.tagOf("0588960d73d71901");

  public BitcoinAttestation {
    if (height < 0) throw new IllegalArgumentException("negative height");
  }

  @Override
  public byte[] tag() {
    return TAG.clone();
  }

  @Override
  public byte[] payload() {
    return new ByteWriter().writeVaruint(height).toByteArray();
  }

  @Override
  public int compareSameTag(Attestation other) {
    return Long.compare(height, ((BitcoinAttestation) other).height);
  }
}
