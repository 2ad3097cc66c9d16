package org.trialledger.anchoring.ots;

/** The reference's "dubious" Ethereum attestation: parsed and kept, never verified here. */
public record EthereumAttestation(long height) implements Attestation {
  static final byte[] TAG = Attestation.tagOf("30fe8087b5c7ead7");

  public EthereumAttestation {
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
    return Long.compare(height, ((EthereumAttestation) other).height);
  }
}
