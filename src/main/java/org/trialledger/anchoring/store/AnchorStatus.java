package org.trialledger.anchoring.store;

/**
 * PENDING: only calendars' promises so far. UNVERIFIED: a Bitcoin attestation arrived but no
 * configured header source has its block yet. CONFIRMED: checked against a block header with valid
 * proof of work. INVALID: a Bitcoin attestation that does not match its block (never expected;
 * shown loudly).
 */
public enum AnchorStatus {
  PENDING,
  UNVERIFIED,
  CONFIRMED,
  INVALID
}
