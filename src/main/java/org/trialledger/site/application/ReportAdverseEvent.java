package org.trialledger.site.application;

import java.time.LocalDate;
import org.trialledger.site.domain.AdverseEventRecord;

/**
 * A subject's adverse event, or a correction of one: then {@code eventId} names it and {@code
 * reason} says why. {@code requestToken}, from the page's form, makes a report idempotent: the same
 * token again (a double click) finds the event the first one made.
 */
public record ReportAdverseEvent(
    String pseudonym,
    String eventId,
    String term,
    Boolean serious,
    AdverseEventRecord.Severity severity,
    LocalDate onset,
    LocalDate end,
    AdverseEventRecord.Outcome outcome,
    AdverseEventRecord.Relatedness relatedness,
    String reason,
    String requestToken) {}
