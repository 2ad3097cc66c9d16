package org.trialledger.security.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A new password an administrator sets for a user who lost theirs. */
public class PasswordChange implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotNull(message = "Password is required")
  @Size(min = 12, max = 200, message = "Password must be 12 to 200 characters")
  private String password;

  public PasswordChange() {}

  public PasswordChange(String password) {
    this.password = password;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  @Override
  public String toString() {
    return "PasswordChange[password=***]";
  }
}
