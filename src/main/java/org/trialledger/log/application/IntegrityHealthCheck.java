package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the integrator refuses to extend a head that no checkpoint signs, or while a
 * witness refuses our checkpoints as a fork or rollback would make it.
 */
@Readiness
@ApplicationScoped
public class IntegrityHealthCheck implements HealthCheck {
  @Inject private IntegrityAlarm alarm;

  @Override
  public HealthCheckResponse call() {
    return alarm
        .current()
        .map(
            a ->
                HealthCheckResponse.named("log-integrity")
                    .down()
                    .withData("reason", a.reason())
                    .withData("since", a.since().toString())
                    .withData("witnessesRefusing", alarm.witnessAlarms().size())
                    .build())
        .orElseGet(() -> HealthCheckResponse.named("log-integrity").up().build());
  }
}
