package org.trialledger.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of the application: UTC. Injected so that tests of plain classes can pass a fixed
 * one.
 */
@ApplicationScoped
public class Clocks {
  @Produces
  Clock utc() {
    return Clock.systemUTC();
  }
}
