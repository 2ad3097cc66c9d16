package org.trialledger.platform;

/** The caller may see the object but not do this to it: HTTP 403, a message on a page. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String message) {
    super(message, null, false, false);
  }
}
