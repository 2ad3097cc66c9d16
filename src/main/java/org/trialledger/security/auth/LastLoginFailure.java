package org.trialledger.security.auth;

import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import org.trialledger.security.application.LoginOutcome;

/** Why the login of this request failed, and until when it is throttled, for the API's 429. */
@RequestScoped
public class LastLoginFailure {
  private LoginOutcome.Status status;
  private Instant retryAt;

  public LoginOutcome.Status status() {
    return status;
  }

  /** When throttled: the earliest instant a new attempt will be checked; else null. */
  public Instant retryAt() {
    return retryAt;
  }

  void set(LoginOutcome.Status status, Instant retryAt) {
    this.status = status;
    this.retryAt = retryAt;
  }
}
