package org.trialledger.platform;

import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A start the application must refuse (e.g. a log key that is not the published one). A failed
 * deployment alone leaves Payara Micro running without the application, answering 404 everywhere
 * while a supervisor believes the service is up. So a refused start logs one line and ends the
 * process with {@link #EXIT_STATUS}, unless {@code trialledger.exit-on-refused-start} is false: the
 * Arquillian tests, whose container must outlive a failed deployment, set it so.
 */
public final class RefusedStart {
  /** EX_CONFIG of sysexits.h: the configuration (here the key file or the database) is wrong. */
  public static final int EXIT_STATUS = 78;

  private static final Logger LOG = Logger.getLogger(RefusedStart.class.getName());

  private RefusedStart() {}

  /**
   * Logs {@code reason} as one line, ends the process if configured to, and returns the exception
   * for the caller to throw, which fails the deployment either way.
   */
  public static IllegalStateException refuse(String reason) {
    String line = "TrialLedger refused to start: " + reason.replace('\n', ' ');
    LOG.severe(line);
    boolean exit =
        ConfigProvider.getConfig()
            .getOptionalValue("trialledger.exit-on-refused-start", Boolean.class)
            .orElse(true);
    if (exit) {
      // From a thread of its own: System.exit runs the server's shutdown hooks, which must not wait
      // for the deployment this thread is still in.
      Thread exiting = new Thread(() -> System.exit(EXIT_STATUS), "trialledger-refused-start");
      exiting.start();
    }
    return new IllegalStateException(line);
  }
}
