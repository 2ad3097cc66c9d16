package org.trialledger.audit.domain;

/**
 * An audit record that the log vouches for: its stored row still hashes, with its salt, to the
 * commitment in its ledger entry. {@code id} names it in findings ("audit record 123").
 */
public record LedgeredAuditRecord(long id, AuditRecord record) {}
