package org.trialledger.anchoring.ots;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A calendar's promise to attest later; the URI says where to ask for the upgrade. */
public record PendingAttestation(String uri) implements Attestation {
  static final byte[] TAG = Attestation.tagOf("83dfe30d2ef90c8e");

  /** The reference's {@code MAX_URI_LENGTH}. */
  public static final int MAX_URI_LENGTH = 1000;

  private static final String ALLOWED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._/:";

  public PendingAttestation {
    String problem = uriProblem(uri.getBytes(StandardCharsets.UTF_8));
    if (problem != null) throw new IllegalArgumentException(problem);
  }

  /**
   * Why these URI bytes are not allowed, or null. The reference keeps out query, fragment,
   * percent-encoding, user-info and IPv6 syntax so that a proof cannot smuggle much into a URL.
   */
  static String uriProblem(byte[] uri) {
    if (uri.length > MAX_URI_LENGTH) return "URI longer than " + MAX_URI_LENGTH + " bytes";
    for (byte b : uri) {
      if (b < 0 || ALLOWED.indexOf(b) < 0)
        return "URI contains invalid character 0x" + Integer.toHexString(b & 0xff);
    }
    return null;
  }

  @Override
  public byte[] tag() {
    return TAG.clone();
  }

  @Override
  public byte[] payload() {
    return new ByteWriter().writeVarbytes(uri.getBytes(StandardCharsets.US_ASCII)).toByteArray();
  }

  @Override
  public int compareSameTag(Attestation other) {
    // The reference compares Python str; the allowed characters are ASCII, so bytes order the same
    // way.
    return Arrays.compareUnsigned(
        uri.getBytes(StandardCharsets.US_ASCII),
        ((PendingAttestation) other).uri.getBytes(StandardCharsets.US_ASCII));
  }
}
