package org.trialledger.platform;

/**
 * A request that breaks a business rule (a duplicate name, a role the organisation does not permit,
 * a state transition that is not allowed). Its message is written for the person who made the
 * request.
 */
public class RuleViolationException extends RuntimeException {
  public RuleViolationException(String message) {
    super(message);
  }
}
