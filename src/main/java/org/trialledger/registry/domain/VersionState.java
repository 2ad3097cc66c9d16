package org.trialledger.registry.domain;

/**
 * A submitted version awaits review, was returned to the sponsor with major comments, or was
 * published.
 */
public enum VersionState {
  SUBMITTED,
  RETURNED,
  PUBLISHED
}
