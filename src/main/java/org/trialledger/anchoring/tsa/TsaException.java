package org.trialledger.anchoring.tsa;

/** The TSA gave no usable token for this request; the reason says whether trying again may help. */
public final class TsaException extends Exception {
  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** This deployment has no TSA URL: nothing was sent. */
    NOT_CONFIGURED,
    /** Connect, request or body deadline passed. */
    TIMEOUT,
    /** An HTTP status other than 200 (redirects included: they are not followed). */
    HTTP_STATUS,
    /**
     * Not a timestamp reply: wrong content type, too large, not DER, or a granted status without a
     * token.
     */
    BAD_RESPONSE,
    /** The TSA answered with a status other than granted; the message carries its status text. */
    REJECTED,
    /**
     * A token, but not for this request (nonce, imprint, algorithm or policy differ) or without a
     * signing-certificate attribute.
     */
    MISMATCH,
    /** Connection refused, reset, DNS failure… */
    IO
  }

  private final Reason reason;

  public TsaException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public TsaException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
