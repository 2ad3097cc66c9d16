package org.trialledger.anchoring.calendar;

import org.trialledger.anchoring.ots.Timestamp;

/** A calendar's answer to {@code GET /timestamp/<commitment>}. */
public sealed interface UpgradeAnswer {
  /** 200: a timestamp for the commitment, normally ending in a Bitcoin attestation. */
  record Upgraded(Timestamp timestamp) implements UpgradeAnswer {}

  /** 404: not (yet) attested; {@code message} is the calendar's text, sanitised and shortened. */
  record Pending(String message) implements UpgradeAnswer {}
}
