package org.trialledger.anchoring.headersource;

/** A header source did not give a usable answer; the message says what it did instead. */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
