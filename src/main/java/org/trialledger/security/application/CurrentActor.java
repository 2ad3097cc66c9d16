package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/** Who is acting: the authenticated caller, or "system" for work the application does on its own. */
@ApplicationScoped
public class CurrentActor {
  public static final String SYSTEM = "system";

  @Inject private SecurityContext securityContext;

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
}
