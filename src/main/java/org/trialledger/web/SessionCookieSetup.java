package org.trialledger.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is HttpOnly and SameSite=Lax always, and Secure unless {@code
 * trialledger.session.cookie-secure=false} (set only by the local demo and the tests, which run
 * over plain HTTP). web.xml cannot read configuration, so this is set here.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    boolean secure =
        ConfigProvider.getConfig()
            .getOptionalValue("trialledger.session.cookie-secure", Boolean.class)
            .orElse(true);
    SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
    cookie.setHttpOnly(true);
    cookie.setSecure(secure);
    cookie.setAttribute("SameSite", "Lax");
  }
}
