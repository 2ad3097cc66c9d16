/**
 * TrialLedger: a clinical-trial registry whose every artifact is provable without trusting its
 * server.
 *
 * <p>One sub-package per bounded context (see docs/architecture.md). Dependencies point one way:
 * {@code web}/{@code api} → {@code verification}, {@code site} → {@code registry} → {@code ledger};
 * {@code security} and {@code platform} depend on nothing of ours; {@code ledger} depends on
 * nothing but the JDK and Bouncy Castle. {@code ArchitectureTest} enforces the arrows.
 */
package org.trialledger;
