package org.trialledger.registry.domain;

/**
 * A trial's public life: a draft is seen only by its sponsor and regulators; withdrawal keeps the
 * history public.
 */
public enum TrialStatus {
  DRAFT,
  PUBLISHED,
  WITHDRAWN
}
