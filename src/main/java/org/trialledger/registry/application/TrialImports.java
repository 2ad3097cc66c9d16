package org.trialledger.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import org.trialledger.platform.NotFoundException;
import org.trialledger.registry.domain.InvalidRecordException;
import org.trialledger.registry.domain.RegistrationRecord;
import org.trialledger.registry.domain.RegistryId;
import org.trialledger.registry.domain.TrialStatus;
import org.trialledger.registry.interop.CtGovExporter;
import org.trialledger.registry.interop.CtGovImporter;
import org.trialledger.registry.interop.FhirResearchStudyExporter;
import org.trialledger.registry.interop.ImportResult;
import org.trialledger.registry.interop.RegistrationState;
import org.trialledger.registry.store.Trial;
import org.trialledger.security.application.Caller;

/**
 * ClinicalTrials.gov records in (as new drafts) and published trials out (FHIR R4,
 * ClinicalTrials.gov JSON).
 */
@ApplicationScoped
public class TrialImports {
  static final int MAX_IMPORT_CHARS = 5_000_000;

  @Inject private TrialRegistry registry;
  @Inject private TrialFinder finder;

  /** The outcome of an import: the new draft and what the record held that has no home here. */
  public record Imported(Trial trial, ImportResult result) {}

  @Transactional
  public Imported importCtGov(Caller caller, String json) {
    if (json == null || json.isBlank())
      throw InvalidRecordException.of("file", "The file is empty");
    if (json.length() > MAX_IMPORT_CHARS)
      throw InvalidRecordException.of(
          "file", "A ClinicalTrials.gov record larger than 5 MB is not accepted");
    ImportResult result;
    try {
      result = CtGovImporter.importStudy(json);
    } catch (IllegalArgumentException e) {
      throw InvalidRecordException.of("file", e.getMessage());
    }
    return new Imported(registry.createDraft(caller, result.record()), result);
  }

  /** A published trial's registration as a FHIR R4 ResearchStudy (JSON). */
  public String fhir(Caller caller, String registryId) {
    Trial trial = publishedTrial(caller, registryId);
    return FhirResearchStudyExporter.toJson(
        record(trial), RegistryId.parse(trial.getRegistryId()), state(trial));
  }

  /** A published trial's registration in the ClinicalTrials.gov API v2 shape. */
  public String ctgov(Caller caller, String registryId) {
    Trial trial = publishedTrial(caller, registryId);
    return CtGovExporter.exportJson(
        record(trial),
        RegistryId.parse(trial.getRegistryId()),
        trial.getRegisteredAt().atZone(ZoneOffset.UTC).toLocalDate());
  }

  private Trial publishedTrial(Caller caller, String registryId) {
    Trial trial = finder.visibleTrial(caller, registryId);
    if (trial.getPublishedVersion() == null)
      throw new NotFoundException(registryId + " has no published version to export");
    return trial;
  }

  private RegistrationRecord record(Trial trial) {
    return finder.recordOf(finder.publishedVersion(trial).orElseThrow());
  }

  private static RegistrationState state(Trial trial) {
    return trial.getStatus() == TrialStatus.WITHDRAWN
        ? RegistrationState.WITHDRAWN
        : RegistrationState.PUBLISHED;
  }
}
