package org.trialledger.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The application as built by {@code mvn package}, deployed onto a freshly recreated database. */
public final class Deployments {
  private Deployments() {}

  public static WebArchive application() {
    TestDatabase.recreate();
    File war = new File(System.getProperty("war.file", "target/trialledger.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn package): " + war);
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }
}
