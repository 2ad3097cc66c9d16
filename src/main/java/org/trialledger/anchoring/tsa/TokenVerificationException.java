package org.trialledger.anchoring.tsa;

/**
 * A stored RFC 3161 token does not prove what was asked; {@link #step()} names the check that
 * failed.
 */
public final class TokenVerificationException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The verifier's checks, in the order it makes them. */
  public enum Step {
    /** The bytes are not a DER-encoded CMS SignedData holding a TSTInfo. */
    PARSE,
    /**
     * Neither the token nor the configured certificates hold the certificate the token names as
     * signer.
     */
    SIGNER_CERTIFICATE,
    /**
     * The signer's certificate lacks the sole, critical timeStamping extended key usage RFC 3161
     * requires.
     */
    EXTENDED_KEY_USAGE,
    /**
     * The signature, the signed certificate hash, or the certificate's validity at genTime does not
     * hold.
     */
    SIGNATURE,
    /** The signer is neither the trusted certificate nor chains to it (validated at genTime). */
    TRUST,
    /** The token timestamps another digest, or not a SHA-256 one. */
    IMPRINT
  }

  private final Step step;

  public TokenVerificationException(Step step, String message, Throwable cause) {
    super(step + ": " + message, cause);
    this.step = step;
  }

  public TokenVerificationException(Step step, String message) {
    this(step, message, null);
  }

  public Step step() {
    return step;
  }
}
