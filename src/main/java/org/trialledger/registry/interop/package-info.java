/**
 * Exchange of registration records with other registries: ClinicalTrials.gov API v2 study JSON in
 * ({@link org.trialledger.registry.interop.CtGovImporter}) and out ({@link
 * org.trialledger.registry.interop.CtGovExporter}), and FHIR R4 {@code ResearchStudy} out ({@link
 * org.trialledger.registry.interop.FhirResearchStudyExporter}). Imports never drop data silently:
 * whatever has no home in the record is listed by JSON path.
 */
package org.trialledger.registry.interop;
