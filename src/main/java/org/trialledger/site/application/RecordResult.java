package org.trialledger.site.application;

import java.time.LocalDate;
import org.trialledger.site.domain.ResultRecord;

/**
 * A subject's result for one visit and registered outcome measure, or a correction of it (then
 * {@code reason} says why; the visit and outcome name the value corrected).
 */
public record RecordResult(
    String pseudonym,
    String visit,
    LocalDate observedOn,
    int outcomeIndex,
    ResultRecord.ValueType type,
    String value,
    String unit,
    String reason) {}
