package org.trialledger.security.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** Why an account is being deactivated: recorded in the audit trail with the change. */
public class Deactivation implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Reason is required")
  @Size(max = 1000, message = "Reason must be at most 1000 characters")
  private String reason;

  public Deactivation() {}

  public Deactivation(String reason) {
    this.reason = reason;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
