/**
 * The site context's plain-Java core: pseudonyms, the subject vault, the pseudonymous records
 * hashed into the ledger, Part 11 electronic signatures, the re-consent rule, summary results and
 * the ODM and FHIR exports. No Jakarta, no JPA: persistence and pages build on it.
 */
package org.trialledger.site.domain;
