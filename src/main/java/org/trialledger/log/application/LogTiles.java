package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.trialledger.ledger.merkle.TilePath;
import org.trialledger.ledger.merkle.Tiles;
import org.trialledger.log.store.JpaNodeStore;
import org.trialledger.log.store.LedgerEntryRow;
import org.trialledger.platform.PublicReads;

/**
 * The log as C2SP tlog-tiles: the latest signed checkpoint and the tiles and entry bundles of the
 * tree it signs. Nothing beyond the latest checkpoint is served, so a tile never shows a leaf that
 * no signed tree head covers yet; what is served never changes afterwards.
 *
 * <p>On the replica ({@link PublicReads}) the latest checkpoint may be older than the one a client
 * already holds from the primary: a tile the replica's tree does not cover yet is read from the
 * primary, with the primary's checkpoint, never assembled from both.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LogTiles {
  @PersistenceContext private EntityManager em;
  @Inject private LedgerLog log;
  @Inject private WitnessView witnessed;
  @Inject private PublicReads reads;

  /**
   * The latest checkpoint with the cosignatures collected for it, as {@code /api/log/checkpoint}.
   */
  public String checkpoint() {
    return witnessed.cosigned(log.latestCheckpointView());
  }

  /** A hash tile or an entry bundle inside the latest checkpoint's tree, or empty. */
  public Optional<byte[]> read(TilePath tile) {
    return reads.read(() -> readIn(tile), Optional::isEmpty);
  }

  private Optional<byte[]> readIn(TilePath tile) {
    long size = log.latestCheckpoint().getTreeSize();
    if (!Tiles.available(tile, size)) return Optional.empty();
    if (!tile.isEntries())
      return Tiles.hashTile(new JpaNodeStore(reads.entityManager(em)), tile, size);
    List<LedgerEntryRow> rows = log.leaves(Tiles.firstEntry(tile), tile.width());
    if (rows.size() != tile.width()) return Optional.empty();
    return Optional.of(
        Tiles.entryBundle(rows.stream().map(LedgerEntryRow::getEntryBytes).toList()));
  }
}
