package org.trialledger.registry.domain;

/**
 * MAJOR review comments block publication of the version; ADVISORY ones are published alongside it.
 */
public enum CommentSeverity {
  MAJOR,
  ADVISORY
}
