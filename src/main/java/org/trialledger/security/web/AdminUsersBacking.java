package org.trialledger.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.security.application.NewOrganisation;
import org.trialledger.security.application.NewUser;
import org.trialledger.security.application.UserAdministration;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.OrganisationKind;
import org.trialledger.security.domain.Role;
import org.trialledger.security.store.AppUser;
import org.trialledger.security.store.Organisation;

/**
 * The administrator's page of organisations and users. The forms bind straight to the service's
 * command objects, which carry the validation. The page is ADMIN-only (web.xml).
 */
@Named
@ViewScoped
public class AdminUsersBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private transient UserDirectory directory;
  @Inject private transient UserAdministration administration;

  private List<Organisation> organisations;
  private List<AppUser> users;
  private NewOrganisation newOrganisation = new NewOrganisation();
  private NewUser newUser = new NewUser();

  @PostConstruct
  void load() {
    organisations = directory.organisations();
    users = directory.users();
  }

  public void createOrganisation() {
    String country = newOrganisation.getCountry();
    newOrganisation.setCountry(
        country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT));
    if (FacesActions.run(
        () -> administration.createOrganisation(newOrganisation),
        "Organisation " + newOrganisation.getName() + " created")) {
      newOrganisation = new NewOrganisation();
      load();
    }
  }

  public void createUser() {
    if (FacesActions.run(
        () -> administration.createUser(newUser), "User " + newUser.getUsername() + " created")) {
      newUser = new NewUser();
      load();
    }
  }

  public void unlock(String username) {
    if (FacesActions.run(
        () -> administration.unlock(username), "Account " + username + " unlocked")) {
      load();
    }
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

  public NewOrganisation getNewOrganisation() {
    return newOrganisation;
  }

  public NewUser getNewUser() {
    return newUser;
  }
}
