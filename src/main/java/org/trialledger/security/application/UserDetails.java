package org.trialledger.security.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** What an administrator may change about a user: name and e-mail (not the username). */
public class UserDetails implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Full name is required")
  @Size(max = 200, message = "Full name must be at most 200 characters")
  private String fullName;

  @Email(message = "E-mail address is not valid")
  @Size(max = 254, message = "E-mail address must be at most 254 characters")
  private String email;

  public UserDetails() {}

  public UserDetails(String fullName, String email) {
    this.fullName = fullName;
    this.email = email;
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }
}
