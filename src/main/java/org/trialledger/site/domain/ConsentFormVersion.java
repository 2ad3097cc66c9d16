package org.trialledger.site.domain;

import org.trialledger.ledger.Hash;

/**
 * One approved version of a trial's consent form: its document's SHA-256 (what the subject read)
 * and the protocol version it belongs to. A newer protocol version with a new form means earlier
 * consents may need renewing ({@link ReconsentRule}).
 */
public record ConsentFormVersion(
    String id, String trialId, int protocolVersion, Hash documentSha256) {}
