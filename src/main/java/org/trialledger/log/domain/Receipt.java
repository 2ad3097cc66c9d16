package org.trialledger.log.domain;

import java.time.Instant;

/**
 * What the registry hands back when an artifact enters the log: the entry (hex), its leaf hash, and
 * when it was queued. The leaf index and checkpoint follow once the integrator has run ({@code
 * /api/receipts/…}).
 */
public record Receipt(
    long entryId,
    String artifactType,
    String artifactId,
    int artifactVersion,
    String contentHash,
    String entryHex,
    String leafHash,
    Instant queuedAt) {}
