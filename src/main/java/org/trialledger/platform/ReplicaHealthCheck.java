package org.trialledger.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The read replica as the last probe found it. Always UP: a replica that lags or is down only sends
 * public reads back to the primary, so the instance still serves everything. Monitoring reads
 * {@code state} ({@code up}, {@code lagging}, {@code down}, {@code not configured}) and the lag.
 */
@Readiness
@ApplicationScoped
public class ReplicaHealthCheck implements HealthCheck {
  @Inject private ReplicaMonitor monitor;

  @Override
  public HealthCheckResponse call() {
    ReplicaState s = monitor.state();
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("database-replica").up();
    if (!s.configured()) return answer.withData("state", "not configured").build();
    String state =
        !s.reachable() ? "down" : s.lagMillis() > monitor.maxLagMillis() ? "lagging" : "up";
    answer
        .withData("state", state)
        .withData("publicReads", "up".equals(state) ? "replica" : "primary")
        .withData("maxLagMillis", monitor.maxLagMillis());
    if (s.reachable()) {
      answer
          .withData("lagMillis", s.lagMillis())
          .withData("lagBytes", s.lagBytes())
          .withData("replayPaused", s.paused())
          .withData("lastReplayedTransactionAgeMillis", s.replayAgeMillis());
    } else {
      answer.withData("error", String.valueOf(s.error()));
    }
    return answer.build();
  }
}
