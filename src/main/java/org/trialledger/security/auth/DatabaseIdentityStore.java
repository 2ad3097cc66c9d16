package org.trialledger.security.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;
import org.trialledger.security.application.LoginAttempts;
import org.trialledger.security.application.LoginOutcome;
import org.trialledger.security.domain.Role;

/** Jakarta Security's view of our users: validates a username and password and yields the roles. */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {
  @Inject private LoginAttempts attempts;
  @Inject private LastLoginFailure lastFailure;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    LoginOutcome outcome =
        attempts.attempt(credential.getCaller(), credential.getPassword().getValue());
    if (outcome.status() != LoginOutcome.Status.ACCEPTED) {
      lastFailure.set(outcome.status(), outcome.retryAt());
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        outcome.username(), outcome.roles().stream().map(Role::name).collect(Collectors.toSet()));
  }
}
