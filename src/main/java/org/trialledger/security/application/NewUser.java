package org.trialledger.security.application;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.trialledger.security.domain.Role;

/**
 * What an administrator gives to create a user; the password is the user's initial one. A JavaBean
 * rather than a record: Payara's OpenAPI scanner fails on constraints placed on record components.
 */
public class NewUser implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Username is required")
  @Pattern(
      regexp = "[a-z0-9][a-z0-9._-]{2,63}",
      message = "Username must be 3–64 lower-case letters, digits, dots, dashes or underscores")
  private String username;

  @NotBlank(message = "Full name is required")
  @Size(max = 200, message = "Full name must be at most 200 characters")
  private String fullName;

  @Email(message = "E-mail address is not valid")
  @Size(max = 254, message = "E-mail address must be at most 254 characters")
  private String email;

  @NotNull(message = "Password is required")
  @Size(min = 12, max = 200, message = "Password must be 12 to 200 characters")
  private String password;

  @NotNull(message = "Organisation is required")
  private Long organisationId;

  @NotNull(message = "Role is required")
  private Role role;

  public NewUser() {}

  public NewUser(
      String username,
      String fullName,
      String email,
      String password,
      Long organisationId,
      Role role) {
    this.username = username;
    this.fullName = fullName;
    this.email = email;
    this.password = password;
    this.organisationId = organisationId;
    this.role = role;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
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

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public void setOrganisationId(Long organisationId) {
    this.organisationId = organisationId;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  @Override
  public String toString() {
    return "NewUser[" + username + ", organisation " + organisationId + ", " + role + "]";
  }
}
