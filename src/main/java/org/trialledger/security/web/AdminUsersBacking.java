package org.trialledger.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trialledger.security.application.NewOrganisation;
import org.trialledger.security.application.NewUser;
import org.trialledger.security.application.UserAdministration;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.AppUser;
import org.trialledger.security.domain.Organisation;
import org.trialledger.security.domain.OrganisationKind;
import org.trialledger.security.domain.Role;
import org.trialledger.platform.web.FacesActions;

/** The administrator's page of organisations and users. The page is ADMIN-only (web.xml). */
@Named
@ViewScoped
public class AdminUsersBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private transient UserDirectory directory;
  @Inject private transient UserAdministration administration;

  private List<Organisation> organisations;
  private List<AppUser> users;

  private String orgName;
  private OrganisationKind orgKind;
  private String orgCountry;

  private String username;
  private String fullName;
  private String email;
  private String password;
  private Long organisationId;
  private Role role;

  @PostConstruct
  void load() {
    organisations = directory.organisations();
    users = directory.users();
  }

  public void createOrganisation() {
    if (FacesActions.run(
        () -> administration.createOrganisation(new NewOrganisation(orgName, orgKind, blankToNull(orgCountry))),
        "Organisation " + orgName + " created")) {
      orgName = null;
      orgKind = null;
      orgCountry = null;
      load();
    }
  }

  public void createUser() {
    if (FacesActions.run(
        () -> administration.createUser(new NewUser(username, fullName, email, password, organisationId, role)),
        "User " + username + " created")) {
      username = fullName = email = password = null;
      organisationId = null;
      role = null;
      load();
    }
  }

  public void unlock(String name) {
    if (FacesActions.run(() -> administration.unlock(name), "Account " + name + " unlocked")) {
      load();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
  }

  public OrganisationKind[] getOrganisationKinds() {
    return OrganisationKind.values();
  }

  public Role[] getRoles() {
    return Role.values();
  }

  public List<Organisation> getOrganisations() {
    return organisations;
  }

  public List<AppUser> getUsers() {
    return users;
  }

  public String getOrgName() {
    return orgName;
  }

  public void setOrgName(String orgName) {
    this.orgName = orgName;
  }

  public OrganisationKind getOrgKind() {
    return orgKind;
  }

  public void setOrgKind(OrganisationKind orgKind) {
    this.orgKind = orgKind;
  }

  public String getOrgCountry() {
    return orgCountry;
  }

  public void setOrgCountry(String orgCountry) {
    this.orgCountry = orgCountry;
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
}
