/**
 * The log's JPA entities (queued and integrated entries, tree nodes, checkpoints, the head, the
 * key) and the {@code NodeStore} over them. Used by {@code log.application} only (other contexts'
 * services read entries and checkpoints too); may use the {@code ledger} core.
 */
package org.trialledger.log.store;
