package org.trialledger.site.application;

import java.time.Instant;
import org.trialledger.site.domain.ConsentRecord;
import org.trialledger.site.domain.Manifestation;

/**
 * A subject's consent or withdrawal against an exact consent form version, with the signing's
 * manifestation. Recording consent again on the form already consented to needs a {@code reason}
 * (kept in the audit trail).
 */
public record RecordConsent(
    String pseudonym,
    long consentFormId,
    ConsentRecord.Event event,
    Instant occurredAt,
    Manifestation signature,
    String reason) {}
