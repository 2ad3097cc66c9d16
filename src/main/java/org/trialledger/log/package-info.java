/**
 * The persistent log: the queue of entries written in each artifact's own transaction, the single
 * integrator that turns them into leaves, stored tree nodes and signed checkpoints, the log key,
 * the full audit, and the log's page and API. Server code (JPA); the proof maths it calls is the
 * plain-Java {@code ledger} core. Depends on {@code ledger}, {@code security} and {@code platform}
 * only.
 */
package org.trialledger.log;
