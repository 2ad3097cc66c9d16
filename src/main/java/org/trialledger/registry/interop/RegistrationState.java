package org.trialledger.registry.interop;

/**
 * Where a registration stands in the registry's review workflow, as far as an export needs to know.
 * The registry's own workflow (being built with its persistence) maps onto these.
 */
public enum RegistrationState {
  DRAFT,
  SUBMITTED,
  PUBLISHED,
  REJECTED,
  WITHDRAWN
}
