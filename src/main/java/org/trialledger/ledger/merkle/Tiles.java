package org.trialledger.ledger.merkle;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trialledger.ledger.Hash;

/**
 * The log's Merkle tree cut into C2SP tlog-tiles. Hash tile n at level l holds the hashes of the
 * complete subtrees of 256^l leaves starting at leaf (n·256 + i)·256^l, i.e. the stored nodes at
 * tree level 8·l, so a tile is read straight from the {@link NodeStore}: nothing is recomputed and
 * a tile, once complete, never changes.
 */
public final class Tiles {
  /** Tree levels the node store can name (see {@link NodeId}): tile levels 0..7. */
  private static final int MAX_TILE_LEVEL = 62 / TilePath.HEIGHT;

  private Tiles() {}

  /**
   * Whether every hash (or entry) of the tile lies inside a tree of {@code treeSize} leaves. A
   * partial tile narrower than the current rightmost one is still served: its content is a prefix
   * of the wider one and never changes.
   */
  public static boolean available(TilePath tile, long treeSize) {
    int level = tile.isEntries() ? 0 : tile.level();
    if (level > MAX_TILE_LEVEL) return false;
    int shift = TilePath.HEIGHT * level;
    long complete = treeSize >>> shift; // complete subtrees of 256^level leaves
    long last = tile.index() * TilePath.FULL + tile.width(); // one past the tile's last node
    return tile.index() <= (Long.MAX_VALUE >>> TilePath.HEIGHT) && last <= complete;
  }

  /** The nodes whose hashes make up a hash tile, left to right. */
  public static List<NodeId> nodes(TilePath tile) {
    if (tile.isEntries()) throw new IllegalArgumentException("an entry bundle holds no hashes");
    List<NodeId> ids = new ArrayList<>(tile.width());
    long first = tile.index() * TilePath.FULL;
    for (int i = 0; i < tile.width(); i++) {
      ids.add(new NodeId(TilePath.HEIGHT * tile.level(), first + i));
    }
    return ids;
  }

  /** The tile's bytes (width × 32), or empty when it lies outside the tree or a node is missing. */
  public static Optional<byte[]> hashTile(NodeStore store, TilePath tile, long treeSize) {
    if (tile.isEntries() || !available(tile, treeSize)) return Optional.empty();
    List<NodeId> ids = nodes(tile);
    Map<NodeId, Hash> found = store.get(ids);
    byte[] out = new byte[ids.size() * Hash.LENGTH];
    for (int i = 0; i < ids.size(); i++) {
      Hash h = found.get(ids.get(i));
      if (h == null) return Optional.empty();
      System.arraycopy(h.bytes(), 0, out, i * Hash.LENGTH, Hash.LENGTH);
    }
    return Optional.of(out);
  }

  /** The first leaf index of an entry bundle. */
  public static long firstEntry(TilePath bundle) {
    return bundle.index() * TilePath.FULL;
  }

  /** An entry bundle: each entry as a big-endian uint16 length followed by its bytes. */
  public static byte[] entryBundle(List<byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] e : entries) {
      if (e.length > 0xFFFF) {
        throw new IllegalArgumentException("an entry longer than 65,535 bytes has no bundle form");
      }
      out.write(e.length >>> 8);
      out.write(e.length & 0xFF);
      out.writeBytes(e);
    }
    return out.toByteArray();
  }

  /** The entries of a bundle, refusing a truncated or over-long one. */
  public static List<byte[]> readEntryBundle(byte[] bundle) {
    List<byte[]> entries = new ArrayList<>();
    int at = 0;
    while (at < bundle.length) {
      if (at + 2 > bundle.length) throw new IllegalArgumentException("truncated length at " + at);
      int len = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
      at += 2;
      if (at + len > bundle.length) throw new IllegalArgumentException("truncated entry at " + at);
      byte[] e = new byte[len];
      System.arraycopy(bundle, at, e, 0, len);
      entries.add(e);
      at += len;
      if (entries.size() > TilePath.FULL) throw new IllegalArgumentException("more than 256");
    }
    return entries;
  }
}
