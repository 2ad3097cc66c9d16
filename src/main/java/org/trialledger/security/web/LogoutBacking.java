package org.trialledger.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Ends the session. A POST from the menu, so that no other site can log a user out with a link. */
@Named
@RequestScoped
public class LogoutBacking {
  @Inject private ExternalContext externalContext;

  public void logout() throws ServletException, IOException {
    HttpServletRequest request = (HttpServletRequest) externalContext.getRequest();
    request.logout();
    externalContext.invalidateSession();
    externalContext.redirect(request.getContextPath() + "/index.xhtml?loggedOut=true");
  }
}
