package org.trialledger.log.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.trialledger.log.application.IntegrityAlarm;
import org.trialledger.log.application.WitnessView;

/**
 * "Witnessed up to size N, by whom" and the witnesses' alarms, for the log and verify pages: what
 * independent witnesses confirmed about the log's history, and any refusal that may mean a fork or
 * a rollback.
 */
@Named
@RequestScoped
public class WitnessBacking {
  @Inject private WitnessView witnesses;
  @Inject private IntegrityAlarm alarm;

  private WitnessView.WitnessSummary summary;
  private List<String> witnessedBy;

  @PostConstruct
  void load() {
    summary = witnesses.summary();
    witnessedBy =
        summary.witnessedSize() > 0 ? witnesses.cosignedBy(summary.witnessedSize()) : List.of();
  }

  public boolean isConfigured() {
    return !summary.witnesses().isEmpty();
  }

  public WitnessView.WitnessSummary getSummary() {
    return summary;
  }

  public long getWitnessedSize() {
    return summary.witnessedSize();
  }

  /** The witnesses that cosigned the witnessed checkpoint, comma-separated. */
  public String getWitnessedBy() {
    return String.join(", ", witnessedBy);
  }

  /** The witnesses' refusals (possible fork or rollback), one sentence each. */
  public List<IntegrityAlarm.Alarm> getAlarms() {
    return List.copyOf(alarm.witnessAlarms().values());
  }
}
