package org.trialledger.security.events;

import java.time.Instant;

/**
 * What happened to an account, fired as a CDI event inside the transaction that did it, so that the
 * audit trail records it in the same transaction. {@code actor} is who did it ("anonymous" for a
 * failed login).
 */
public sealed interface SecurityEvent {
  String actor();

  record LoginSucceeded(String actor) implements SecurityEvent {}

  /**
   * {@code username} as typed, which may name no account; {@code nowLocked} when this failure
   * locked it.
   */
  record LoginFailed(String actor, String username, int failuresInARow, boolean nowLocked)
      implements SecurityEvent {}

  /**
   * The account's logins are refused until {@code until} after {@code failuresInARow} failures: the
   * notice to administrators (audit action ACCOUNT_TEMPORARILY_LOCKED, and a warning in the server
   * log).
   */
  record AccountTemporarilyLocked(String actor, String username, int failuresInARow, Instant until)
      implements SecurityEvent {}

  /**
   * Failed logins for user names that name no account, aggregated: {@code count} since {@code
   * since}, some of the names tried (clipped). One record per interval instead of one per attempt.
   */
  record UnknownUserLoginsFailed(String actor, int count, Instant since, String sampleNames)
      implements SecurityEvent {}

  /** A wrong e-signature password (or user name) of a logged-in user, 21 CFR 11.300(d). */
  record SigningFailed(String actor, int failuresInARow, boolean nowLocked)
      implements SecurityEvent {}

  /** The user's e-signatures are refused until {@code until}, after repeated failures. */
  record SigningTemporarilyLocked(String actor, int failuresInARow, Instant until)
      implements SecurityEvent {}

  record OrganisationCreated(String actor, long organisationId, String name, String kind)
      implements SecurityEvent {}

  record UserCreated(String actor, String username, long organisationId, String roles)
      implements SecurityEvent {}

  record AccountUnlocked(String actor, String username) implements SecurityEvent {}

  record UserDetailsChanged(String actor, String username, String oldValue, String newValue)
      implements SecurityEvent {}

  record UserDeactivated(String actor, String username, String reason) implements SecurityEvent {}

  record UserReactivated(String actor, String username) implements SecurityEvent {}

  /** An administrator set a new password; the password itself is never recorded. */
  record PasswordReset(String actor, String username) implements SecurityEvent {}
}
