package org.trialledger.log.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import org.trialledger.log.application.AuditJobs;
import org.trialledger.log.application.AuditProgress;
import org.trialledger.log.application.IntegrityAlarm;
import org.trialledger.platform.web.FacesActions;
import org.trialledger.security.application.CurrentActor;

/**
 * The full-audit page: start an audit and watch its progress bar, rate and ETA, then its findings.
 */
@Named
@ViewScoped
public class LedgerAuditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private AuditJobs jobs;
  @Inject private CurrentActor actor; // a serializable proxy, unlike SecurityContext
  @Inject private Clock clock;
  @Inject private IntegrityAlarm alarm;

  private String jobId;

  public void start() {
    AuditProgress job = FacesActions.attempt(() -> jobs.start(actor.name()), null);
    if (job != null) jobId = job.id();
  }

  /** The audit this page follows: the one it started, or else the latest in the cluster. */
  public AuditProgress.Snapshot getProgress() {
    return (jobId == null ? jobs.latest() : jobs.find(jobId))
        .map(p -> p.snapshot(clock.instant()))
        .orElse(null);
  }

  /** Set while the integrator refuses to extend a head that no checkpoint signs; else null. */
  public IntegrityAlarm.Alarm getAlarm() {
    return alarm.head().orElse(null);
  }

  public boolean isRunning() {
    AuditProgress.Snapshot s = getProgress();
    return s != null && s.state() == AuditProgress.State.RUNNING;
  }
}
