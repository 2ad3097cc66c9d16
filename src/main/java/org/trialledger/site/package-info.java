/**
 * Sites' work within trials: pseudonymous subjects, informed consent against exact consent-form
 * versions, results and adverse events in corrected versions, and their exports. Personal data
 * stays in the database (sealed per subject); the ledger sees salted commitments only.
 */
package org.trialledger.site;
