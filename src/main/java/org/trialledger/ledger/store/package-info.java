/**
 * The persistent ledger: the queue of entries written in each artifact's own transaction, the single
 * integrator that turns them into leaves, stored tree nodes and signed checkpoints, and the log key.
 * Server code (JPA); the proof maths it calls is the plain-Java {@code ledger} core.
 */
package org.trialledger.ledger.store;
