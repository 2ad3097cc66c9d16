package org.trialledger.registry.application;

import java.time.Instant;

/** One row of the public search. */
public record TrialSummary(
    String registryId,
    String publicTitle,
    String acronym,
    String sponsorName,
    String recruitmentStatus,
    String phases,
    /** As registered: a month ("2027-02") or a day. */
    String startDate,
    Instant registeredAt,
    String conditions,
    String status) {}
