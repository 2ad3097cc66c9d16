/**
 * The log's REST resources under {@code /api}: key, checkpoints, entries, proofs, receipts and the
 * full audit. Thin: they call {@code log.application} and return its views, never entities or
 * {@code log.web} classes.
 */
package org.trialledger.log.api;
