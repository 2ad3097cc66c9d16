package org.trialledger.anchoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.trialledger.anchoring.calendar.CalendarClient;
import org.trialledger.anchoring.calendar.CalendarException;
import org.trialledger.anchoring.calendar.CalendarStamper;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.store.Anchor;
import org.trialledger.anchoring.tsa.TimestampToken;
import org.trialledger.anchoring.tsa.TsaClient;
import org.trialledger.anchoring.tsa.TsaException;
import org.trialledger.ledger.Hash;
import org.trialledger.log.application.LedgerLog;
import org.trialledger.log.application.WitnessView;
import org.trialledger.log.store.CheckpointRow;

/**
 * Stamps the newest signed checkpoint at the calendars and upgrades pending proofs; when witnesses
 * are configured, the newest witnessed one instead (so that what is anchored in Bitcoin is also
 * what independent witnesses saw, and its proof bundles carry their cosignatures). The stamped
 * digest is SHA-256 of the checkpoint's signed note text, so the anchor covers root, size and
 * signature; only hashes ever go to a calendar.
 */
@ApplicationScoped
public class Anchoring {
  private static final Logger LOG = Logger.getLogger(Anchoring.class.getName());
  private static final Duration MAX_BACKOFF = Duration.ofHours(6);

  @Inject private AnchoringSettings settings;
  @Inject private BitcoinHeaders bitcoin;
  @Inject private AnchorStore store;
  @Inject private LedgerLog log;
  @Inject private WitnessView witnesses;
  @Inject private Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** What a stamping run did, in words for the page and API. */
  public record StampOutcome(boolean stamped, Long anchorId, String message) {}

  /**
   * Stamps the newest checkpoint if the log has grown since the last anchor (or always, if forced).
   */
  public synchronized StampOutcome stampNewest(boolean force) {
    Instant now = now();
    CheckpointRow checkpoint;
    if (witnesses.configured()) {
      long witnessed = witnesses.summary().witnessedSize();
      if (witnessed == 0)
        return new StampOutcome(
            false,
            null,
            "No checkpoint is witnessed yet: nothing to anchor until the quorum cosigns");
      checkpoint = log.getCheckpoint(witnessed);
    } else {
      checkpoint = log.latestCheckpoint();
    }
    if (checkpoint.getTreeSize() == 0)
      return new StampOutcome(false, null, "The log is empty: nothing to anchor yet");
    if (!force && store.newestAnchoredSize() >= checkpoint.getTreeSize()) {
      return new StampOutcome(
          false,
          null,
          (witnesses.configured()
                  ? "No newer witnessed checkpoint since the last anchor (size "
                  : "The log has not grown since the last anchor (size ")
              + checkpoint.getTreeSize()
              + ")");
    }
    byte[] digest = Hash.sha256(checkpoint.getNote().getBytes(StandardCharsets.UTF_8)).bytes();
    List<URI> calendars = settings.calendars();
    try {
      CalendarStamper.StampResult result = stamper(calendars).stamp(digest);
      Map<String, String> failures = new LinkedHashMap<>();
      result.failures().forEach((uri, e) -> failures.put(uri.toString(), e.getMessage()));
      List<String> answered = new ArrayList<>();
      calendars.stream()
          .filter(c -> !result.failures().containsKey(c))
          .forEach(c -> answered.add(c.toString()));
      if (answered.size() < settings.minCalendars()) {
        String message =
            "Only "
                + answered.size()
                + " of "
                + calendars.size()
                + " calendars answered (at least "
                + settings.minCalendars()
                + " needed): "
                + failures;
        store.saveFailedAttempt(checkpoint.getTreeSize(), message, now);
        return new StampOutcome(false, null, message);
      }
      Anchor anchor =
          new Anchor(
              checkpoint.getTreeSize(),
              HexFormat.of().formatHex(digest),
              now,
              result.proof().serialize(),
              now.plus(settings.upgradeInterval()));
      store.saveStamp(anchor, failures, answered, now);
      String tsa = timestampAtTsa(anchor, digest);
      return new StampOutcome(
          true,
          anchor.getId(),
          "Checkpoint "
              + checkpoint.getTreeSize()
              + " stamped at "
              + answered.size()
              + " calendar(s)"
              + tsa);
    } catch (CalendarException e) {
      String message =
          "No calendar answered: "
              + e.getMessage()
              + (e.getSuppressed().length > 0
                  ? " (and " + e.getSuppressed().length + " more failures)"
                  : "");
      store.saveFailedAttempt(checkpoint.getTreeSize(), message, now);
      return new StampOutcome(false, null, message);
    }
  }

  /**
   * The optional RFC 3161 token for the same digest; its failure does not undo the OpenTimestamps
   * anchor.
   */
  private String timestampAtTsa(Anchor anchor, byte[] digest) {
    if (settings.tsaUrl().isEmpty()) return "";
    try {
      TsaClient client =
          new TsaClient(
              TsaClient.Settings.of(settings.tsaUrl().get(), settings.tsaPolicy()), random);
      TimestampToken token = client.request(digest);
      store.saveTsaToken(anchor.getId(), token.encoded(), token.genTime());
      return "; RFC 3161 token of " + token.genTime();
    } catch (TsaException | RuntimeException e) {
      String message = "RFC 3161 time-stamping failed: " + e.getMessage();
      store.saveFailedAttempt(anchor.getTreeSize(), message, now());
      return "; " + message;
    }
  }

  /** Asks the calendars about every open anchor that is due (or every open anchor, if forced). */
  public synchronized int upgradeDue(boolean force) {
    int changed = 0;
    for (Anchor anchor : store.dueForUpgrade(now(), force)) {
      try {
        if (upgrade(anchor)) changed++;
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "Upgrade of anchor " + anchor.getId() + " failed; it stays as it was",
            e);
      }
    }
    return changed;
  }

  private boolean upgrade(Anchor anchor) {
    DetachedTimestampFile proof;
    try {
      proof = DetachedTimestampFile.parse(anchor.getOtsProof());
    } catch (OtsFormatException e) {
      LOG.warning("Anchor " + anchor.getId() + " holds an unreadable proof: " + e.getMessage());
      return false;
    }
    CalendarStamper.UpgradeResult result = stamper(settings.calendars()).upgrade(proof);
    Map<String, String[]> states = new LinkedHashMap<>();
    for (DetachedTimestampFile.PendingCommitment p : proof.pendingCommitments()) {
      states.put(p.calendarUri(), new String[] {"CONFIRMED", "Bitcoin attestation received"});
    }
    result
        .stillPending()
        .forEach(
            url -> states.put(url, new String[] {"PENDING", "Pending confirmation in Bitcoin"}));
    result.failures().forEach((url, e) -> states.put(url, new String[] {"FAILED", e.getMessage()}));
    byte[] upgraded = result.proof().serialize();
    AnchorVerification.Outcome outcome =
        AnchorVerification.of(upgraded, anchor.getNoteSha256(), settings, bitcoin);
    Instant now = now();
    store.saveUpgrade(
        anchor.getId(),
        upgraded,
        states,
        outcome,
        now,
        now.plus(backoff(anchor.getUpgradeAttempts() + 1)));
    return result.changed();
  }

  /** Re-checks stored proofs against the header source (after new headers arrived). */
  public synchronized void reverify() {
    Instant now = now();
    for (Anchor anchor : store.dueForUpgrade(now, true)) {
      AnchorVerification.Outcome outcome =
          AnchorVerification.of(anchor.getOtsProof(), anchor.getNoteSha256(), settings, bitcoin);
      store.saveUpgrade(
          anchor.getId(), anchor.getOtsProof(), Map.of(), outcome, now, anchor.getNextUpgradeAt());
    }
  }

  /**
   * The interval doubles with each unanswered round, up to six hours: calendars confirm within
   * hours.
   */
  Duration backoff(int attempts) {
    Duration d = settings.upgradeInterval().multipliedBy(1L << Math.min(attempts, 6));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private CalendarStamper stamper(List<URI> calendars) {
    CalendarClient.Settings client =
        new CalendarClient.Settings(
            settings.allowList(), settings.timeout(), settings.timeout().multipliedBy(2), 10_000);
    return new CalendarStamper(new CalendarClient(client), calendars, random);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
