package org.trialledger.audit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.security.events.SecurityEvent;

/** Turns account events into audit records, in the transaction that fired them. */
@ApplicationScoped
public class SecurityAuditObserver {
  @Inject private AuditTrail trail;
  @Inject private Clock clock;

  void on(@Observes SecurityEvent event) {
    trail.record(toRecord(event));
  }

  private AuditRecord toRecord(SecurityEvent event) {
    if (event instanceof SecurityEvent.LoginSucceeded e) {
      return record(e.actor(), "LOGIN", "USER", e.actor(), null, null);
    }
    if (event instanceof SecurityEvent.LoginFailed e) {
      return record(
          e.actor(),
          e.nowLocked() ? "LOGIN_FAILED_LOCKED" : "LOGIN_FAILED",
          "USER",
          e.username(),
          null,
          "failedLoginsInARow=" + e.failuresInARow());
    }
    if (event instanceof SecurityEvent.AccountTemporarilyLocked e) {
      return record(
          e.actor(),
          "ACCOUNT_TEMPORARILY_LOCKED",
          "USER",
          e.username(),
          null,
          "failedLoginsInARow=" + e.failuresInARow() + "; lockedUntil=" + e.until());
    }
    if (event instanceof SecurityEvent.UnknownUserLoginsFailed e) {
      return record(
          e.actor(),
          "LOGIN_FAILED_UNKNOWN_USERS",
          "USER",
          "(unknown)",
          null,
          "count=" + e.count() + "; since=" + e.since() + "; names=" + e.sampleNames());
    }
    if (event instanceof SecurityEvent.SigningFailed e) {
      return record(
          e.actor(),
          e.nowLocked() ? "SIGNATURE_FAILED_LOCKED" : "SIGNATURE_FAILED",
          "USER",
          e.actor(),
          null,
          "failedSigningsInARow=" + e.failuresInARow());
    }
    if (event instanceof SecurityEvent.SigningTemporarilyLocked e) {
      return record(
          e.actor(),
          "SIGNING_TEMPORARILY_LOCKED",
          "USER",
          e.actor(),
          null,
          "failedSigningsInARow=" + e.failuresInARow() + "; lockedUntil=" + e.until());
    }
    if (event instanceof SecurityEvent.OrganisationCreated e) {
      return record(
          e.actor(),
          "CREATE",
          "ORGANISATION",
          String.valueOf(e.organisationId()),
          null,
          "name=" + e.name() + "; kind=" + e.kind());
    }
    if (event instanceof SecurityEvent.UserCreated e) {
      return record(
          e.actor(),
          "CREATE",
          "USER",
          e.username(),
          null,
          "organisationId=" + e.organisationId() + "; roles=" + e.roles());
    }
    if (event instanceof SecurityEvent.AccountUnlocked e) {
      return record(e.actor(), "UNLOCK", "USER", e.username(), "locked", "unlocked");
    }
    if (event instanceof SecurityEvent.UserDetailsChanged e) {
      return record(e.actor(), "UPDATE", "USER", e.username(), e.oldValue(), e.newValue());
    }
    if (event instanceof SecurityEvent.UserDeactivated e) {
      return new AuditRecord(
          clock.instant(),
          e.actor(),
          null,
          "DEACTIVATE",
          "USER",
          e.username(),
          "active",
          "deactivated",
          e.reason());
    }
    if (event instanceof SecurityEvent.UserReactivated e) {
      return record(e.actor(), "REACTIVATE", "USER", e.username(), "deactivated", "active");
    }
    if (event instanceof SecurityEvent.PasswordReset e) {
      return record(e.actor(), "PASSWORD_RESET", "USER", e.username(), null, null);
    }
    throw new IllegalArgumentException(
        "Unhandled security event " + event.getClass().getSimpleName());
  }

  private AuditRecord record(
      String actor, String action, String type, String id, String oldValue, String newValue) {
    return new AuditRecord(
        clock.instant(), actor, null, action, type, id, oldValue, newValue, null);
  }
}
