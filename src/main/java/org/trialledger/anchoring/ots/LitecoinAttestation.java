package org.trialledger.anchoring.ots;

/** Litecoin's equivalent of {@link BitcoinAttestation}: parsed and kept, never verified here. */
public record LitecoinAttestation(long height) implements Attestation {
  static final byte[] TAG = Attestation.tagOf("06869a0d73d71b45");

  public LitecoinAttestation {
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
    return Long.compare(height, ((LitecoinAttestation) other).height);
  }
}
