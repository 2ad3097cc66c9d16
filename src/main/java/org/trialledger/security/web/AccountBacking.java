package org.trialledger.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.store.AppUser;

/** The signed-in user's own account and the members of their organisation. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private transient UserDirectory directory;
  @Inject private transient SecurityContext securityContext;

  private AppUser user;
  private List<AppUser> colleagues;

  @PostConstruct
  void load() {
    user = directory.getUser(securityContext.getCallerPrincipal().getName());
    colleagues = directory.membersOf(user.getOrganisation().getId());
  }

  public AppUser getUser() {
    return user;
  }

  public List<AppUser> getColleagues() {
    return colleagues;
  }
}
