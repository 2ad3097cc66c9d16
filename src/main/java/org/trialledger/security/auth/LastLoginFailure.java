package org.trialledger.security.auth;

import jakarta.enterprise.context.RequestScoped;
import org.trialledger.security.application.LoginOutcome;

/** Why the login of this request failed, for the login page to say so. */
@RequestScoped
public class LastLoginFailure {
  private LoginOutcome.Status status;

  public LoginOutcome.Status status() {
    return status;
  }

  void set(LoginOutcome.Status status) {
    this.status = status;
  }
}
