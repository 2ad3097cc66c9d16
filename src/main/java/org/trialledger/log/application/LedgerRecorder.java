package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.entry.LedgerEntry;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.log.domain.Receipt;
import org.trialledger.log.store.QueuedEntryInsert;
import org.trialledger.platform.DatabaseProduct;

/**
 * The one way into the log. Domain services call it inside their own transaction with the artifact
 * they are storing: the queue row commits with the artifact or not at all. The integrator gives it
 * a leaf later.
 */
@ApplicationScoped
public class LedgerRecorder {
  private static final Pattern HEX_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;
  @Inject private IntegrationWakeUp wakeUp;
  @Inject private DatabaseProduct database;

  /**
   * Records an artifact whose content hash is a plain SHA-256 (a file, or a record without personal
   * data).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Receipt recordHash(
      String artifactType, String artifactId, int version, String contentHash) {
    return record(artifactType, artifactId, version, LedgerEntry.Kind.HASH, contentHash);
  }

  /**
   * Records an artifact holding personal data by its salted commitment SHA-256(salt ‖ canonical
   * JSON).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Receipt recordCommitment(
      String artifactType, String artifactId, int version, String commitment) {
    return record(artifactType, artifactId, version, LedgerEntry.Kind.COMMITMENT, commitment);
  }

  private Receipt record(
      String type, String id, int version, LedgerEntry.Kind kind, String contentHash) {
    if (!TYPE.matcher(type).matches())
      throw new IllegalArgumentException("artifact type must be UPPER_SNAKE: " + type);
    if (id == null || id.isEmpty() || id.length() > 100)
      throw new IllegalArgumentException("artifact id must be 1–100 characters");
    if (version < 1) throw new IllegalArgumentException("version must be ≥ 1");
    if (!HEX_HASH.matcher(contentHash).matches())
      throw new IllegalArgumentException("content hash must be 64 lower-case hex digits");
    Instant queuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Hash content = Hash.ofHex(contentHash);
    byte[] entry = new LedgerEntry(kind, type, id, version, content, queuedAt).encode();
    Hash leafHash = TreeHasher.leafHash(entry);
    long entryId =
        QueuedEntryInsert.insert(
            em,
            database.isPostgres(),
            new QueuedEntryInsert.Entry(
                type, id, version, kind.name(), content, queuedAt, entry, leafHash));
    wakeUp.afterCommitOfCurrentTransaction();
    return new Receipt(
        entryId,
        type,
        id,
        version,
        contentHash,
        HexFormat.of().formatHex(entry),
        leafHash.hex(),
        queuedAt);
  }
}
