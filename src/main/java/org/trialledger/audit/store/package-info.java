/** The audit trail's JPA entity, never updated or deleted. Used by {@code audit.application}. */
package org.trialledger.audit.store;
