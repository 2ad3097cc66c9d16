package org.trialledger.registry.application;

/**
 * A row of the regulator's list of every trial: the title is the published one, or the draft's for
 * a trial never published.
 */
public record WorkspaceTrial(
    String registryId, String title, String sponsor, String status, Integer publishedVersion) {}
