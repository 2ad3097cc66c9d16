package org.trialledger.security.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.trialledger.security.application.CurrentActor;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.store.AppUser;

/** The signed-in user's own account and the members of their organisation. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private UserDirectory directory;
  @Inject private CurrentActor actor; // a serializable proxy, unlike SecurityContext

  private AppUser user;
  private List<AppUser> colleagues;

  @PostConstruct
  void load() {
    user = directory.getUser(actor.name());
    colleagues = directory.membersOf(user.getOrganisation().getId());
  }

  public AppUser getUser() {
    return user;
  }

  public List<AppUser> getColleagues() {
    return colleagues;
  }
}
