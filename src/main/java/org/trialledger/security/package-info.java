/**
 * Who may do what: organisations, users, roles, login (Jakarta Security against the database),
 * lockout. Depends only on {@code platform}. The audit trail joins it with the persistent ledger.
 */
package org.trialledger.security;
