package org.trialledger.security.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.security.auth.AppAuthenticationMechanism;
import org.trialledger.security.domain.Role;
import org.trialledger.security.events.SecurityEvent;

/** The login form. */
@Named
@RequestScoped
public class LoginBacking {
  static final String FAILED =
      "Unknown username or wrong password. After repeated failures, logins wait a while: try again later, or ask"
          + " an administrator.";

  @NotBlank(message = "Enter your username")
  @Size(max = 64, message = "Username is at most 64 characters")
  private String username;

  @NotBlank(message = "Enter your password")
  @Size(max = 200)
  private String password;

  @Inject private SecurityContext securityContext;
  @Inject private ExternalContext externalContext;
  @Inject private FacesContext facesContext;
  @Inject private LoginAudit loginAudit;

  public void login() throws IOException {
    HttpServletRequest request = (HttpServletRequest) externalContext.getRequest();
    HttpServletResponse response = (HttpServletResponse) externalContext.getResponse();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            withParams()
                .credential(new UsernamePasswordCredential(username.strip(), password))
                .newAuthentication(true));
    switch (status) {
      case SUCCESS -> {
        request.changeSessionId(); // no session fixation
        // Interactive logins are audited here; API calls authenticate on every request and are not.
        loginAudit.fire(new SecurityEvent.LoginSucceeded(request.getUserPrincipal().getName()));
        externalContext.redirect(returnTarget(request));
      }
      case SEND_CONTINUE -> facesContext.responseComplete();
      // One message for an unknown user, a wrong password and a throttled account alike: the page
      // must not
      // tell which user names exist (docs/security.md, "Logins and signatures").
      default -> {
        // Not "wrong password" when the database could not be asked: 503 (PageExceptions).
        if (request.getAttribute(AppAuthenticationMechanism.DATABASE_UNAVAILABLE)
            instanceof RuntimeException unavailable) throw unavailable;
        FacesActions.error(FAILED);
      }
    }
  }

  private String returnTarget(HttpServletRequest request) {
    Object saved = request.getSession().getAttribute(AppAuthenticationMechanism.RETURN_TO);
    request.getSession().removeAttribute(AppAuthenticationMechanism.RETURN_TO);
    String context = request.getContextPath();
    if (saved instanceof String target
        && target.startsWith(context + "/")
        && !target.startsWith("//")) {
      return target;
    }
    return context + home(request);
  }

  /**
   * Where each role's daily work starts: a sponsor's trials, a site's subjects, the review queue.
   */
  static String home(HttpServletRequest request) {
    if (request.isUserInRole(Role.Names.SPONSOR)) return "/sponsor/trials.xhtml";
    if (request.isUserInRole(Role.Names.SITE)) return "/site/index.xhtml";
    if (request.isUserInRole(Role.Names.REGULATOR)) return "/review/index.xhtml";
    if (request.isUserInRole(Role.Names.ADMIN)) return "/admin/users.xhtml";
    return "/account.xhtml";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
