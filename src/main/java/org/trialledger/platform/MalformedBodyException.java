package org.trialledger.platform;

/**
 * A request body that cannot be read at all: not JSON, or not the kind of JSON value expected.
 * Answers 400 with the message as the problem's detail; a body that is read but has wrong fields is
 * an {@link InvalidFieldsException} (422) instead.
 */
public class MalformedBodyException extends RuntimeException {
  public MalformedBodyException(String message) {
    super(message, null, false, false);
  }
}
