package org.trialledger.demo;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says where the application is, once its web module starts: the start-up beans (migrations, demo
 * data) run before pages can be served, so a message from them would send a newcomer to a 404.
 */
@WebListener
public class ReadyBanner implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(ReadyBanner.class.getName());

  @Inject
  @ConfigProperty(name = "trialledger.public-url", defaultValue = "http://localhost:8080/")
  private String publicUrl;

  @Inject
  @ConfigProperty(name = "trialledger.demo.seed", defaultValue = "false")
  private boolean demo;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    StringBuilder banner =
        new StringBuilder("\n\n  TrialLedger is running at ").append(publicUrl).append('\n');
    if (demo) {
      banner.append("  Demo logins (username / password):\n");
      for (DemoDataSeeder.DemoLogin login : DemoDataSeeder.LOGINS) {
        banner.append(
            String.format(
                "    %-10s / %-18s %s, %s%n",
                login.username(), login.password(), login.role(), login.organisation()));
      }
    }
    LOG.info(banner.toString());
  }
}
