package org.trialledger.anchoring.ots;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attestation of a notary we don't know, kept verbatim (its own tag and payload) so it
 * round-trips.
 */
public final class UnknownAttestation implements Attestation {
  private final byte[] tag;
  private final byte[] payload;

  public UnknownAttestation(byte[] tag, byte[] payload) {
    if (tag.length != TAG_SIZE) throw new IllegalArgumentException("tag must be 8 bytes");
    if (payload.length > MAX_PAYLOAD_SIZE)
      throw new IllegalArgumentException("payload over 8192 bytes");
    if (Attestations.isKnownTag(tag))
      throw new IllegalArgumentException("tag of a known attestation type");
    this.tag = tag.clone();
    this.payload = payload.clone();
  }

  @Override
  public byte[] tag() {
    return tag.clone();
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  public String tagHex() {
    return HexFormat.of().formatHex(tag);
  }

  @Override
  public int compareSameTag(Attestation other) {
    return Arrays.compareUnsigned(payload, ((UnknownAttestation) other).payload);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownAttestation u
        && Arrays.equals(tag, u.tag)
        && Arrays.equals(payload, u.payload);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tag) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "UnknownAttestation[tag="
        + tagHex()
        + ", payload="
        + HexFormat.of().formatHex(payload)
        + "]";
  }
}
