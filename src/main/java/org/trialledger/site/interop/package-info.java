/**
 * Exports of a site's data in other standards: CDISC ODM 1.3.2 clinical data and FHIR R4 resources.
 * Plain Java over {@code site.domain} records; may use {@code registry.interop} for the study
 * itself.
 */
package org.trialledger.site.interop;
