package org.trialledger.results.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.domain.RecordDiff;
import org.trialledger.results.application.ResultsDiff;
import org.trialledger.results.application.ResultsVersionView;
import org.trialledger.results.application.TrialResults;
import org.trialledger.results.domain.ResultsEnvelope;
import org.trialledger.security.application.CurrentActor;

/**
 * The results half of the trial history page: two results versions the caller may see (the public:
 * published ones) compared field by field; by default the last two.
 */
@Named
@RequestScoped
public class ResultsHistoryBacking {
  @Inject private TrialResults results;
  @Inject private CurrentActor actor;

  private String id;
  private Integer from, to;
  private List<ResultsVersionView> versions;
  private List<RecordDiff.Row> rows = List.of();

  /** Loads the versions and the comparison (view action: after the parameters are set). */
  public void load(String registryId) {
    id = registryId;
    if (id == null) return;
    try {
      versions = results.visibleVersions(actor.caller(), id);
    } catch (NotFoundException | AccessDeniedException e) {
      versions = List.of();
    }
    if (versions.isEmpty()) return;
    int last = versions.get(versions.size() - 1).version();
    if (to == null || !exists(to)) to = last;
    if (from == null || !exists(from))
      from = versions.size() > 1 ? versions.get(versions.size() - 2).version() : to;
    rows = ResultsDiff.compare(record(from), record(to));
  }

  private boolean exists(int n) {
    return versions.stream().anyMatch(v -> v.version() == n);
  }

  private org.trialledger.results.domain.ResultsRecord record(int n) {
    return versions.stream()
        .filter(v -> v.version() == n)
        .findFirst()
        .map(v -> ResultsEnvelope.parse(v.canonicalJson()).record())
        .orElseThrow();
  }

  public List<ResultsVersionView> getVersions() {
    return versions == null ? List.of() : versions;
  }

  /** What changed (the whole record when a version is compared with itself is not shown). */
  public List<RecordDiff.Row> getChangedRows() {
    return rows.stream().filter(RecordDiff.Row::isChanged).toList();
  }

  public String getId() {
    return id;
  }

  public void setId(String v) {
    id = v;
  }

  public Integer getFrom() {
    return from;
  }

  public void setFrom(Integer v) {
    from = v;
  }

  public Integer getTo() {
    return to;
  }

  public void setTo(Integer v) {
    to = v;
  }
}
