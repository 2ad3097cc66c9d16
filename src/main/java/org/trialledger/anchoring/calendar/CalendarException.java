package org.trialledger.anchoring.calendar;

/** A calendar could not be used for this request; the reason says whether trying again may help. */
public final class CalendarException extends Exception {
  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** The URL is not on the client's allow-list: nothing was sent. */
    NOT_ALLOWED,
    /** Connect or request timeout. */
    TIMEOUT,
    /** An HTTP status other than the protocol's 200 (or 404 for a pending upgrade). */
    HTTP_STATUS,
    /** The body exceeded the client's size cap. */
    TOO_LARGE,
    /** The body is not a valid timestamp for what was asked. */
    BAD_RESPONSE,
    /** Connection refused, reset, DNS failure… */
    IO
  }

  private final Reason reason;

  public CalendarException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public CalendarException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
