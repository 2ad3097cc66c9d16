package org.trialledger.results.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.RecordCodec;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.store.Trial;
import org.trialledger.results.domain.ResultsPrefill;
import org.trialledger.results.domain.ResultsRecord;
import org.trialledger.results.domain.ResultsSection;
import org.trialledger.results.store.ResultsDraft;
import org.trialledger.security.application.Caller;
import org.trialledger.site.application.SummaryPublication;

/**
 * The sponsor's results draft: saved section by section while the results are entered, kept in the
 * database (one per trial), never in the ledger: only a submitted version is an artifact. Each save
 * is one transaction and checks that the caller is the trial's sponsor, as every read does.
 */
@ApplicationScoped
public class ResultsDrafts {
  @PersistenceContext private EntityManager em;
  @Inject private TrialFinder finder;
  @Inject private SummaryPublication summaries;
  @Inject private Clock clock;

  /** What the entry page needs of the trial: its published registration. */
  public record Context(String registryId, RegistrationRecord registered, List<String> arms) {}

  public record Draft(ResultsRecord record, Instant savedAt, String savedBy) {}

  public Context context(Caller caller, String registryId) {
    Trial trial = owned(caller, registryId);
    RegistrationRecord r = registered(trial);
    return new Context(
        trial.getRegistryId(), r, r.arms().stream().map(RegistrationRecord.Arm::label).toList());
  }

  public Optional<Draft> draft(Caller caller, String registryId) {
    Trial trial = owned(caller, registryId);
    return Optional.ofNullable(em.find(ResultsDraft.class, trial.getId()))
        .map(
            d -> new Draft(ResultsRecord.parse(d.getRecordJson()), d.getSavedAt(), d.getSavedBy()));
  }

  /**
   * Saves one section of the draft: that part of {@code from} replaces the stored one; the other
   * sections stay as saved.
   */
  @Transactional
  public Draft saveSection(
      Caller caller, String registryId, ResultsSection section, ResultsRecord from) {
    Trial trial = finder.lockedTrial(registryId);
    TrialResults.requireOwner(caller, trial);
    registered(trial);
    ResultsDraft row = em.find(ResultsDraft.class, trial.getId());
    ResultsRecord base =
        row == null ? ResultsRecord.empty() : ResultsRecord.parse(row.getRecordJson());
    ResultsRecord merged = section.replace(base, from);
    String json = CanonicalJson.write(RecordCodec.encode(merged));
    if (json.length() > 1_000_000)
      throw InvalidRecordException.of("record", "The results are larger than 1 MB of text");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (row == null) {
      row = new ResultsDraft(trial.getId());
      row.save(json, now, caller.username());
      em.persist(row);
    } else {
      row.save(json, now, caller.username());
    }
    return new Draft(merged, now, caller.username());
  }

  /** Saves the whole draft (every section), e.g. with a submission. */
  @Transactional
  public Draft saveAll(Caller caller, String registryId, ResultsRecord record) {
    Draft d = null;
    for (ResultsSection s : ResultsSection.values()) d = saveSection(caller, registryId, s, record);
    return d;
  }

  /**
   * A first record from the registration and the sites' data (nothing saved): groups per arm, the
   * registered outcomes, enrolment and adverse events.
   */
  public ResultsRecord prefill(Caller caller, String registryId) {
    Trial trial = owned(caller, registryId);
    return ResultsPrefill.of(registered(trial), summaries.current(caller, trial.getRegistryId()));
  }

  private Trial owned(Caller caller, String registryId) {
    Trial trial = finder.visibleTrial(caller, registryId);
    TrialResults.requireOwner(caller, trial);
    return trial;
  }

  private RegistrationRecord registered(Trial trial) {
    return finder
        .publishedVersion(trial)
        .map(finder::recordOf)
        .orElseThrow(
            () ->
                new RuleViolationException(
                    "Results are reported on a published registration; publish it first"));
  }
}
