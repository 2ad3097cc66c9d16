package org.trialledger.site.application;

import java.time.LocalDate;
import org.trialledger.site.domain.DispositionRecord;

/**
 * A subject completed the study or discontinued it (with a reason from the list and free text), on
 * a date; {@code reasonForChange} when it changes what was recorded before.
 */
public record RecordDisposition(
    String pseudonym,
    DispositionRecord.Status status,
    DispositionRecord.Reason reason,
    String detail,
    LocalDate date,
    String reasonForChange) {}
