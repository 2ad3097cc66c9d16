package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.audit.domain.AuditRecord;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.log.application.LedgerRecorder;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.site.domain.AdverseEventRecord;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.DispositionRecord;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.ResultRecord;
import org.trialledger.site.domain.SummaryResults;
import org.trialledger.site.store.Subject;
import org.trialledger.site.store.SummaryResult;

/**
 * Summary results computed from the sites' data (latest versions, erased subjects left out) and
 * published by the sponsor as numbered versions: canonical JSON, hashed into the ledger (aggregates
 * name no one), public.
 */
@ApplicationScoped
public class SummaryPublication {
  public static final String ARTIFACT_TYPE = "SUMMARY_RESULTS";
  public static final String SCHEMA = "trialledger.summary-results/1";

  @PersistenceContext private EntityManager em;
  @Inject private TrialFinder trials;
  @Inject private SiteQueries queries;
  @Inject private LedgerRecorder ledger;
  @Inject private AuditTrail audit;
  @Inject private Clock clock;

  /**
   * What publishing would make public now, and the published version it repeats (null when it
   * differs from the latest): the page shows this before the sponsor confirms.
   */
  public record Preview(SummaryResults summary, Integer repeatsVersion) {}

  @Transactional
  public Preview preview(Caller sponsor, String registryId) {
    Trial trial = ownedTrial(sponsor, registryId);
    SummaryResults summary = requireEnrolled(compute(sponsor, trial));
    return new Preview(summary, repeated(registryId, trial, summary));
  }

  @Transactional
  public SummaryResult publish(Caller sponsor, String registryId) {
    Trial trial = ownedTrial(sponsor, registryId);
    // the trial's row lock orders two publications: the second sees the first and repeats it
    em.lock(trial, LockModeType.PESSIMISTIC_WRITE);
    SummaryResults summary = requireEnrolled(compute(sponsor, trial));
    Integer same = repeated(registryId, trial, summary);
    if (same != null)
      throw new RuleViolationException(
          "Nothing changed since summary results version "
              + same
              + ": publishing them again would only repeat it");
    int version = latest(trial).map(v -> v.getVersionNumber() + 1).orElse(1);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String json = CanonicalJson.write(toJson(registryId, version, now, summary));
    String hash = Hash.sha256(json.getBytes(StandardCharsets.UTF_8)).hex();
    var receipt = ledger.recordHash(ARTIFACT_TYPE, registryId, version, hash);
    SummaryResult row =
        new SummaryResult(
            trial.getId(), version, json, hash, now, sponsor.username(), receipt.leafHash());
    em.persist(row);
    audit.record(
        new AuditRecord(
            now,
            sponsor.username(),
            sponsor.organisationId(),
            "SUMMARY_RESULTS_PUBLISHED",
            "TRIAL",
            registryId,
            null,
            "version " + version + " sha256:" + hash,
            null));
    return row;
  }

  /**
   * The summary the sites' data give now, without publishing anything: for the sponsor's own staff
   * (results entry pre-fills from it), also before anyone is enrolled.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SummaryResults current(Caller sponsor, String registryId) {
    return compute(sponsor, ownedTrial(sponsor, registryId));
  }

  private Trial ownedTrial(Caller sponsor, String registryId) {
    Trial trial = trials.visibleTrial(sponsor, registryId);
    if (!TrialAccess.ownsAsSponsor(sponsor, trial))
      throw new AccessDeniedException(
          "Only the trial's sponsor sees and publishes its sites' summary");
    return trial;
  }

  private SummaryResults compute(Caller sponsor, Trial trial) {
    List<Pseudonym> enrolled = new ArrayList<>();
    List<ConsentRecord> consents = new ArrayList<>();
    List<ResultRecord> results = new ArrayList<>();
    List<AdverseEventRecord> aes = new ArrayList<>();
    List<DispositionRecord> dispositions = new ArrayList<>();
    for (Subject s : queries.subjects(sponsor, trial)) {
      if (s.getErasedAt() != null) continue;
      enrolled.add(new Pseudonym(s.getPseudonym()));
      SiteQueries.SubjectData d = queries.data(s);
      consents.addAll(d.consents());
      results.addAll(d.results());
      aes.addAll(d.adverseEvents());
      dispositions.addAll(d.dispositions());
    }
    return SummaryResults.computeWithDispositions(enrolled, consents, dispositions, results, aes);
  }

  private static SummaryResults requireEnrolled(SummaryResults summary) {
    if (summary.flow().enrolled() == 0)
      throw new RuleViolationException("No subject is enrolled yet: there is nothing to summarise");
    return summary;
  }

  /** The latest published version when it holds the same figures as {@code summary}, else null. */
  private Integer repeated(String registryId, Trial trial, SummaryResults summary) {
    String now = figures(CanonicalJson.write(toJson(registryId, 0, Instant.EPOCH, summary)));
    return latest(trial)
        .filter(v -> figures(v.getCanonicalJson()).equals(now))
        .map(SummaryResult::getVersionNumber)
        .orElse(null);
  }

  /** Canonical JSON without its version number and time: the figures alone. */
  static String figures(String canonicalJson) {
    return canonicalJson
        .replaceFirst("\"computedAt\":\"[^\"]*\"", "")
        .replaceFirst("\"version\":\\d+", "");
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SummaryResult> latest(Trial trial) {
    return em.createQuery(
            "SELECT v FROM SummaryResult v WHERE v.trialId = :t ORDER BY v.versionNumber DESC",
            SummaryResult.class)
        .setParameter("t", trial.getId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** Means and standard deviations as decimal strings: canonical JSON carries no floating point. */
  static Map<String, Object> toJson(String registryId, int version, Instant at, SummaryResults s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema", SCHEMA);
    m.put("registryId", registryId);
    m.put("version", (long) version);
    m.put("computedAt", at.toString());
    m.put(
        "participantFlow",
        Map.of(
            "enrolled",
            (long) s.flow().enrolled(),
            "consented",
            (long) s.flow().consented(),
            "withdrawn",
            (long) s.flow().withdrawn(),
            "completed",
            (long) s.flow().completed()));
    List<Object> outcomes = new ArrayList<>();
    for (SummaryResults.OutcomeSummary o : s.outcomes()) {
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("outcomeIndex", (long) o.outcomeIndex());
      om.put("measure", o.measure());
      om.put("visit", o.visit());
      om.put("unit", o.unit());
      om.put("n", (long) o.n());
      om.put("mean", decimal(o.mean()));
      om.put("sd", decimal(o.sd()));
      om.put("nonNumeric", (long) o.other());
      outcomes.add(om);
    }
    m.put("outcomes", outcomes);
    List<Object> aes = new ArrayList<>();
    for (SummaryResults.AdverseEventRow a : s.adverseEvents()) {
      aes.add(
          Map.of(
              "term",
              a.term(),
              "serious",
              a.serious(),
              "subjects",
              (long) a.subjects(),
              "events",
              (long) a.events()));
    }
    m.put("adverseEvents", aes);
    return m;
  }

  private static String decimal(Double d) {
    return d == null || d.isNaN()
        ? null
        : BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }
}
