package org.trialledger.security.events;

/**
 * What happened to an account, fired as a CDI event inside the transaction that did it, so that the audit
 * trail records it in the same transaction. {@code actor} is who did it ("anonymous" for a failed login).
 */
public sealed interface SecurityEvent {
  String actor();

  record LoginSucceeded(String actor) implements SecurityEvent {}

  /** {@code username} as typed, which may name no account; {@code nowLocked} when this failure locked it. */
  record LoginFailed(String actor, String username, int failuresInARow, boolean nowLocked) implements SecurityEvent {}

  record LoginRefusedLocked(String actor, String username) implements SecurityEvent {}

  record OrganisationCreated(String actor, long organisationId, String name, String kind) implements SecurityEvent {}

  record UserCreated(String actor, String username, long organisationId, String roles) implements SecurityEvent {}

  record AccountUnlocked(String actor, String username) implements SecurityEvent {}
}
