/**
 * The audit trail's plain-Java values: the record other contexts hand in and the filter it is
 * searched by. No Jakarta, no JPA; may use the {@code ledger} core only.
 */
package org.trialledger.audit.domain;
