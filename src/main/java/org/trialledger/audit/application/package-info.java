/**
 * Writes audit records (each a salted ledger entry) in the caller's transaction, searches and
 * exports them, observes security events and recomputes records for the full audit. The only user
 * of {@code audit.store}; may use {@code audit.domain}, {@code log}, {@code security} and the
 * {@code ledger} core.
 */
package org.trialledger.audit.application;
