/**
 * Results reporting: the results record modelled on ClinicalTrials.gov's results modules
 * (participant flow, baseline characteristics, outcome measures with statistical analyses, adverse
 * events, more information), its validation before submission, its exchange as ClinicalTrials.gov
 * {@code resultsSection} JSON, and (later) its versions, review and publication. Sits below {@code
 * site} so that entry can be pre-filled from the sites' data.
 */
package org.trialledger.results;
