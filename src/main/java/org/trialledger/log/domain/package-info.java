/**
 * The log's plain-Java values: receipts, audit discrepancies and the {@code ArtifactVerifier}
 * interface other contexts implement so the full audit can recompute their content hashes. No
 * Jakarta, no JPA; may use the {@code ledger} core only.
 */
package org.trialledger.log.domain;
