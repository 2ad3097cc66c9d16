package org.trialledger.anchoring.calendar;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.StampRequest;
import org.trialledger.anchoring.ots.Timestamp;

/**
 * Stamps a digest at several calendars and upgrades the resulting proof: the two calls the anchorer
 * needs. A stamp succeeds if at least one calendar answered; a proof is never written without an
 * attestation.
 */
public final class CalendarStamper {
  private final CalendarClient client;
  private final List<URI> calendars;
  private final SecureRandom random;

  public CalendarStamper(CalendarClient client, List<URI> calendars, SecureRandom random) {
    if (calendars.isEmpty()) throw new IllegalArgumentException("no calendars");
    for (URI c : calendars) {
      if (!client.allows(c))
        throw new IllegalArgumentException(c + " is not on the client's allow-list");
    }
    this.client = client;
    this.calendars = List.copyOf(calendars);
    this.random = random;
  }

  /** A new pending proof, and the calendars that failed (the proof holds the others' answers). */
  public record StampResult(DetachedTimestampFile proof, Map<URI, CalendarException> failures) {}

  /**
   * Stamps a SHA-256 digest at every calendar.
   *
   * @throws CalendarException if no calendar answered (the first failure, the others suppressed)
   */
  public StampResult stamp(byte[] sha256Digest) throws CalendarException {
    StampRequest request = StampRequest.forSha256(sha256Digest, random);
    List<Timestamp> answers = new ArrayList<>();
    Map<URI, CalendarException> failures = new LinkedHashMap<>();
    for (URI calendar : calendars) {
      try {
        answers.add(client.submit(calendar, request.commitment()));
      } catch (CalendarException e) {
        failures.put(calendar, e);
      }
    }
    if (answers.isEmpty()) {
      CalendarException first = failures.values().iterator().next();
      failures.values().stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
    return new StampResult(request.proof(answers), failures);
  }

  /**
   * @param proof the proof after the upgrade (unchanged if nothing came)
   * @param stillPending calendars that answered "pending"
   * @param failures calendars that could not be asked or failed, by the URI the proof names
   */
  public record UpgradeResult(
      DetachedTimestampFile proof,
      boolean changed,
      List<String> stillPending,
      Map<String, CalendarException> failures) {}

  /**
   * Asks each pending attestation's calendar for its upgrade and merges what comes. Calendars not
   * on the allow-list are reported as failures and never contacted; nodes already holding a Bitcoin
   * attestation are not asked again.
   */
  public UpgradeResult upgrade(DetachedTimestampFile proof) {
    DetachedTimestampFile current = proof;
    boolean changed = false;
    List<String> stillPending = new ArrayList<>();
    Map<String, CalendarException> failures = new LinkedHashMap<>();
    for (DetachedTimestampFile.PendingCommitment p : proof.pendingCommitments()) {
      if (alreadyConfirmed(current, p.commitment())) continue;
      try {
        URI calendar = calendarUri(p.calendarUri());
        UpgradeAnswer answer = client.getTimestamp(calendar, p.commitment());
        if (answer instanceof UpgradeAnswer.Upgraded u) {
          current = merge(current, u.timestamp(), calendar);
          changed = true;
        } else {
          stillPending.add(p.calendarUri());
        }
      } catch (CalendarException e) {
        failures.put(p.calendarUri(), e);
      }
    }
    return new UpgradeResult(current, changed, stillPending, failures);
  }

  private static boolean alreadyConfirmed(DetachedTimestampFile proof, byte[] commitment) {
    return proof
        .timestamp()
        .nodeFor(commitment)
        .map(
            n ->
                n.allAttestations().stream()
                    .anyMatch(a -> a.attestation() instanceof BitcoinAttestation))
        .orElse(false);
  }

  private static URI calendarUri(String uri) throws CalendarException {
    try {
      return URI.create(uri);
    } catch (IllegalArgumentException e) {
      throw new CalendarException(CalendarException.Reason.NOT_ALLOWED, "not a URL: " + uri, e);
    }
  }

  private static DetachedTimestampFile merge(
      DetachedTimestampFile proof, Timestamp upgrade, URI calendar) throws CalendarException {
    try {
      return proof.mergeAt(upgrade);
    } catch (IllegalArgumentException e) {
      // E.g. the merged tree would be deeper than the reference reads.
      throw new CalendarException(
          CalendarException.Reason.BAD_RESPONSE, calendar + ": " + e.getMessage(), e);
    }
  }
}
