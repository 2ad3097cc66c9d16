/**
 * The audit trail (21 CFR Part 11 §11.10(e)): every create, change, delete, login, failed login,
 * role change and signature, recorded in the transaction that did it, never updated or deleted, and
 * each record itself a ledger entry. Observes the events other contexts fire; depends on {@code
 * log}, {@code security} and the {@code ledger} core.
 */
package org.trialledger.audit;
