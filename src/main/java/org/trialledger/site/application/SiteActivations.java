package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.trialledger.audit.application.AuditTrail;
import org.trialledger.log.application.LedgerRecorder;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.platform.NotFoundException;
import org.trialledger.platform.RuleViolationException;
import org.trialledger.registry.application.DocumentBlobs;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.PdfDocument;
import org.trialledger.registry.domain.TrialStatus;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.security.domain.OrganisationKind;
import org.trialledger.site.domain.SiteStateReplay;
import org.trialledger.site.store.ConsentForm;
import org.trialledger.site.store.SiteActivation;
import org.trialledger.site.store.SiteCredential;

/**
 * What a sponsor sets up before sites enrol: a site's activation with its principal investigator,
 * the investigators' credentials and the consent forms. Each write is one transaction with its
 * audit record; credentials and consent forms enter the ledger by their PDF's hash.
 */
@ApplicationScoped
public class SiteActivations {
  public static final String CONSENT_FORM = "CONSENT_FORM";
  public static final String CREDENTIAL = "SITE_CREDENTIAL";

  @PersistenceContext private EntityManager em;
  @Inject private TrialFinder trials;
  @Inject private DocumentBlobs blobs;
  @Inject private SiteQueries queries;
  @Inject private LedgerRecorder ledger;
  @Inject private AuditTrail audit;
  @Inject private UserDirectory directory;
  @Inject private Clock clock;

  @Transactional
  public SiteActivation activate(
      Caller sponsor, String registryId, long siteOrganisationId, String principalInvestigator) {
    Trial trial = trials.visibleTrial(sponsor, registryId);
    if (!TrialAccess.ownsAsSponsor(sponsor, trial))
      throw new AccessDeniedException("Only the trial's sponsor activates sites");
    if (trial.getStatus() != TrialStatus.PUBLISHED)
      throw new RuleViolationException("Sites are activated for published trials only");
    var site =
        directory
            .findOrganisation(siteOrganisationId)
            .filter(o -> o.getKind() == OrganisationKind.SITE)
            .orElseThrow(() -> InvalidRecordException.of("site", "Choose a site organisation"));
    String pi = principalInvestigator == null ? "" : principalInvestigator.strip();
    if (pi.isEmpty() || pi.length() > 200)
      throw InvalidRecordException.of(
          "principalInvestigator", "Name the principal investigator (at most 200 characters)");
    if (queries.activation(trial.getId(), site.getId()).isPresent())
      throw new RuleViolationException(site.getName() + " is already activated for " + registryId);
    SiteActivation a =
        new SiteActivation(trial.getId(), site.getId(), pi, now(), sponsor.username());
    em.persist(a);
    audit.trialEvent(
        sponsor,
        "SITE_ACTIVATED",
        registryId,
        null,
        SiteStateReplay.activationText(site.getName(), pi),
        null);
    return a;
  }

  /**
   * An investigator credential (CV, GCP certificate, licence) filed with a site's activation; its
   * hash enters the ledger.
   */
  @Transactional
  public SiteCredential fileCredential(Caller sponsor, FileCredential c) {
    String registryId = c.registryId();
    Trial trial = trials.visibleTrial(sponsor, registryId);
    if (!TrialAccess.ownsAsSponsor(sponsor, trial))
      throw new AccessDeniedException("Only the trial's sponsor files investigator credentials");
    SiteActivation activation =
        queries
            .activation(trial.getId(), c.siteOrganisationId())
            .orElseThrow(
                () -> new NotFoundException("That site is not activated for " + registryId));
    if (c.kind() == null)
      throw InvalidRecordException.of(
          "kind", "Say what the document is: CV, GCP_CERTIFICATE or LICENCE");
    String sha = blobs.storePdf(c.pdf());
    SiteCredential credential =
        new SiteCredential(
            activation.getId(),
            c.kind(),
            PdfDocument.safeFileName(c.fileName()),
            sha,
            c.pdf().length,
            now(),
            sponsor.username());
    em.persist(credential);
    em.flush();
    credential.recordedAs(
        ledger
            .recordHash(CREDENTIAL, registryId + "/site-credentials/" + credential.getId(), 1, sha)
            .leafHash());
    audit.trialEvent(
        sponsor,
        "CREDENTIAL_FILED",
        registryId,
        null,
        c.kind() + " for site " + c.siteOrganisationId() + " sha256:" + sha,
        null);
    return credential;
  }

  @Transactional
  public ConsentForm publishConsentForm(Caller sponsor, PublishConsentForm f) {
    String registryId = f.registryId();
    Trial trial = trials.visibleTrial(sponsor, registryId);
    if (!TrialAccess.ownsAsSponsor(sponsor, trial))
      throw new AccessDeniedException("Only the trial's sponsor publishes consent forms");
    if (trial.getPublishedVersion() == null)
      throw new RuleViolationException("Publish the protocol before its consent forms");
    String l = f.label() == null ? "" : f.label().strip();
    if (l.isEmpty() || l.length() > 100)
      throw InvalidRecordException.of(
          "label", "Give the form a version label (at most 100 characters), e.g. v2.0");
    String lang = f.language() == null ? "" : f.language().strip().toLowerCase(Locale.ROOT);
    if (!lang.matches("[a-z]{2}(-[a-z]{2})?"))
      throw InvalidRecordException.of("language", "Use a language code such as en or de");
    // the trial's row lock orders two publications of the same form: the second sees the first
    em.lock(trial, LockModeType.PESSIMISTIC_WRITE);
    if (alreadyPublished(trial, l, lang))
      throw new RuleViolationException(
          "Consent form "
              + l
              + " ("
              + lang
              + ") is already published for this trial: sites offer it now. Give a new form a"
              + " new version label");
    String sha = blobs.storePdf(f.pdf());
    ConsentForm form =
        new ConsentForm(
            trial.getId(),
            l,
            lang,
            trial.getPublishedVersion(),
            PdfDocument.safeFileName(f.fileName()),
            sha,
            now(),
            sponsor.username());
    em.persist(form);
    em.flush();
    form.recordedAs(
        ledger
            .recordHash(CONSENT_FORM, registryId + "/consent-forms/" + form.getId(), 1, sha)
            .leafHash());
    audit.trialEvent(
        sponsor,
        "CONSENT_FORM_PUBLISHED",
        registryId,
        null,
        l + " (" + lang + ") for protocol v" + trial.getPublishedVersion() + " sha256:" + sha,
        null);
    return form;
  }

  /** Whether a form with this version label and language is published (labels ignore case). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean alreadyPublished(Trial trial, String label, String language) {
    return em.createQuery(
                "SELECT COUNT(f) FROM ConsentForm f WHERE f.trialId = :t"
                    + " AND LOWER(f.label) = :l AND f.language = :lang",
                Long.class)
            .setParameter("t", trial.getId())
            .setParameter("l", label.strip().toLowerCase(Locale.ROOT))
            .setParameter("lang", language.strip().toLowerCase(Locale.ROOT))
            .getSingleResult()
        > 0;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
