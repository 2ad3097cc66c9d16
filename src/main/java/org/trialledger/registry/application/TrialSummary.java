package org.trialledger.registry.application;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the public search. */
public record TrialSummary(
    String registryId,
    String publicTitle,
    String acronym,
    String sponsorName,
    String recruitmentStatus,
    String phases,
    LocalDate startDate,
    Instant registeredAt,
    String conditions,
    String status) {}
