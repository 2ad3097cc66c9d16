package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.trialledger.security.store.AppUser;

/**
 * Who is acting: the authenticated caller, or "system" for work the application does on its own.
 */
@ApplicationScoped
public class CurrentActor {
  public static final String SYSTEM = "system";

  @Inject private SecurityContext securityContext;
  @Inject private UserDirectory directory;

  public String name() {
    Principal p;
    try {
      p = securityContext.getCallerPrincipal();
    } catch (IllegalStateException noCallerContext) {
      // start-up work (e.g. an EJB's @PostConstruct) has no caller at all
      return SYSTEM;
    }
    return p == null ? SYSTEM : p.getName();
  }

  /** The caller with roles and organisation, or {@link Caller#ANONYMOUS}. */
  public Caller caller() {
    String name = name();
    if (SYSTEM.equals(name)) return Caller.ANONYMOUS;
    return directory
        .findUser(name)
        .filter(AppUser::isEnabled)
        .map(u -> new Caller(u.getUsername(), u.getOrganisation().getId(), u.getRoles()))
        .orElse(Caller.ANONYMOUS);
  }
}
