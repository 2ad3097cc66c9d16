package org.trialledger.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.security.application.Deactivation;
import org.trialledger.security.application.NewOrganisation;
import org.trialledger.security.application.NewUser;
import org.trialledger.security.application.PasswordChange;
import org.trialledger.security.application.UserAdministration;
import org.trialledger.security.application.UserDetails;
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

  @Inject private UserDirectory directory;
  @Inject private UserAdministration administration;

  private List<Organisation> organisations;
  private List<AppUser> users;
  private NewOrganisation newOrganisation = new NewOrganisation();
  private NewUser newUser = new NewUser();
  private String selected; // the user being managed, by username
  private UserDetails details = new UserDetails();
  private PasswordChange passwordChange = new PasswordChange();
  private Deactivation deactivation = new Deactivation();

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

  /** Opens the panel that edits, resets or deactivates one user. */
  public void manage(String username) {
    AppUser user = directory.getUser(username);
    selected = username;
    details = new UserDetails(user.getFullName(), user.getEmail());
    passwordChange = new PasswordChange();
    deactivation = new Deactivation();
  }

  public void closeManage() {
    selected = null;
  }

  public void saveDetails() {
    if (FacesActions.run(
        () -> administration.changeDetails(selected, details),
        "Details of " + selected + " saved")) {
      load();
    }
  }

  public void resetPassword() {
    if (FacesActions.run(
        () -> administration.resetPassword(selected, passwordChange),
        "New password set for " + selected + "; tell them through a channel you trust")) {
      passwordChange = new PasswordChange();
    }
  }

  public void deactivate() {
    if (FacesActions.run(
        () -> administration.deactivate(selected, deactivation),
        "Account " + selected + " deactivated")) {
      deactivation = new Deactivation();
      load();
    }
  }

  public void reactivate() {
    if (FacesActions.run(
        () -> administration.reactivate(selected), "Account " + selected + " reactivated")) {
      load();
    }
  }

  public AppUser getSelectedUser() {
    return selected == null
        ? null
        : users.stream().filter(u -> u.getUsername().equals(selected)).findFirst().orElse(null);
  }

  public OrganisationKind[] getOrganisationKinds() {
    return OrganisationKind.values();
  }

  /** The roles the chosen organisation's kind permits; none until an organisation is chosen. */
  public List<Role> getRoles() {
    Long id = newUser.getOrganisationId();
    if (id == null) return List.of();
    return organisations.stream()
        .filter(o -> o.getId().equals(id))
        .findFirst()
        .map(o -> o.getKind().permittedRoles().stream().sorted().toList())
        .orElse(List.of());
  }

  /** A newly chosen organisation may not permit the role chosen before. */
  public void organisationChosen() {
    if (!getRoles().contains(newUser.getRole())) {
      newUser.setRole(getRoles().size() == 1 ? getRoles().get(0) : null);
    }
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

  public UserDetails getDetails() {
    return details;
  }

  public PasswordChange getPasswordChange() {
    return passwordChange;
  }

  public Deactivation getDeactivation() {
    return deactivation;
  }
}
