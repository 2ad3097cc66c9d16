package org.trialledger.site.domain;

import java.time.Instant;

/** A subject enrolled at a site in a trial, known by pseudonym only. */
public record Enrolment(Pseudonym subject, String trialId, String siteId, Instant enrolledAt) {}
