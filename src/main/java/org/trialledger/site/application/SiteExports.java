package org.trialledger.site.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.trialledger.platform.AccessDeniedException;
import org.trialledger.registry.application.TrialAccess;
import org.trialledger.registry.application.TrialFinder;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;
import org.trialledger.security.application.UserDirectory;
import org.trialledger.site.domain.AdverseEventRecord;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.Enrolment;
import org.trialledger.site.domain.OutcomeMeasure;
import org.trialledger.site.domain.Pseudonym;
import org.trialledger.site.domain.ReconsentRule;
import org.trialledger.site.domain.ResultRecord;
import org.trialledger.site.interop.FhirSiteExporter;
import org.trialledger.site.interop.OdmWriter;
import org.trialledger.site.store.Subject;

/**
 * A trial's clinical data as CDISC ODM 1.3.2 and FHIR R4, for its sponsor and regulators:
 * pseudonyms only.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SiteExports {
  @Inject private TrialFinder trials;
  @Inject private SiteQueries queries;
  @Inject private UserDirectory directory;
  @Inject private Clock clock;

  public String odm(Caller caller, String registryId) {
    Trial trial = allowed(caller, registryId);
    List<Enrolment> enrolments = new ArrayList<>();
    List<ConsentRecord> consents = new ArrayList<>();
    List<ResultRecord> results = new ArrayList<>();
    List<AdverseEventRecord> aes = new ArrayList<>();
    Map<String, String> sites = new LinkedHashMap<>();
    for (Subject s : queries.subjects(caller, trial)) {
      if (s.getErasedAt() != null) continue;
      String site = "SITE-" + s.getSiteOrganisationId();
      sites.putIfAbsent(
          site,
          directory.findOrganisation(s.getSiteOrganisationId()).map(o -> o.getName()).orElse(site));
      enrolments.add(
          new Enrolment(
              new Pseudonym(s.getPseudonym()), trial.getRegistryId(), site, s.getEnrolledAt()));
      SiteQueries.SubjectData d = queries.data(s);
      consents.addAll(d.consents());
      results.addAll(d.results());
      aes.addAll(d.adverseEvents());
    }
    List<OutcomeMeasure> measures =
        trials
            .publishedVersion(trial)
            .map(v -> OutcomeMeasure.registered(trials.recordOf(v)))
            .orElse(List.of());
    String title =
        trials
            .publishedVersion(trial)
            .map(v -> trials.recordOf(v).publicTitle())
            .orElse(trial.getRegistryId());
    return OdmWriter.toXml(
        new OdmWriter.Export(
            trial.getRegistryId(),
            title,
            "TL." + trial.getRegistryId() + "." + clock.millis(),
            clock.instant(),
            sites,
            enrolments,
            consents,
            results,
            aes,
            measures));
  }

  /** A FHIR R4 collection Bundle of every subject's ResearchSubject and Consent resources. */
  public String fhir(Caller caller, String registryId) {
    Trial trial = allowed(caller, registryId);
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (Subject s : queries.subjects(caller, trial)) {
      if (s.getErasedAt() != null) continue;
      List<ConsentRecord> events = queries.consentEvents(s);
      Pseudonym p = new Pseudonym(s.getPseudonym());
      ConsentRecord latest = ReconsentRule.latestEvents(events).get(p);
      bundle
          .addEntry()
          .setResource(
              FhirSiteExporter.toResearchSubject(
                  new Enrolment(
                      p,
                      trial.getRegistryId(),
                      "SITE-" + s.getSiteOrganisationId(),
                      s.getEnrolledAt()),
                  latest,
                  false));
      events.forEach(e -> bundle.addEntry().setResource(FhirSiteExporter.toConsent(e)));
    }
    return FhirSiteExporter.toJson(bundle);
  }

  private Trial allowed(Caller caller, String registryId) {
    Trial trial = trials.visibleTrial(caller, registryId);
    if (!TrialAccess.seesWork(caller, trial))
      throw new AccessDeniedException(
          "Clinical data exports are for the trial's sponsor and regulators");
    return trial;
  }
}
