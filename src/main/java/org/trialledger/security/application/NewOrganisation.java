package org.trialledger.security.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import org.trialledger.platform.CountryCode;
import org.trialledger.security.domain.OrganisationKind;

/**
 * What an administrator gives to create an organisation. A JavaBean rather than a record: Payara's
 * OpenAPI scanner fails on constraints placed on record components.
 */
public class NewOrganisation implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotBlank(message = "Name is required")
  @Size(max = 200, message = "Name must be at most 200 characters")
  private String name;

  @NotNull(message = "Kind is required (SPONSOR, SITE, REGULATOR or OPERATOR)")
  private OrganisationKind kind;

  @CountryCode private String country;

  public NewOrganisation() {}

  public NewOrganisation(String name, OrganisationKind kind, String country) {
    this.name = name;
    this.kind = kind;
    this.country = country;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public OrganisationKind getKind() {
    return kind;
  }

  public void setKind(OrganisationKind kind) {
    this.kind = kind;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }
}
