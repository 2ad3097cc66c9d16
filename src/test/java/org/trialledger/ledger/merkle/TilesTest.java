package org.trialledger.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;

class TilesTest {
  /** The spec's example: a tree of 70,000 leaves. */
  @Test
  void aTreeOf70000HasTheTilesTheSpecLists() {
    long size = 70_000;
    assertEquals(273, fullTiles(0, size));
    assertEquals(112, widestPartial(0, size));
    assertEquals(1, fullTiles(1, size));
    assertEquals(17, widestPartial(1, size));
    assertEquals(0, fullTiles(2, size));
    assertEquals(1, widestPartial(2, size));
    assertEquals(0, widestPartial(3, size));
  }

  @Test
  void aTreeOf256HasAFullLeafTileAndAPartialLevelOneTile() {
    assertEquals(1, fullTiles(0, 256));
    assertEquals(0, widestPartial(0, 256));
    assertEquals(1, widestPartial(1, 256));
  }

  @Test
  void hashTilesHoldTheSubtreeRootsTheTreeComputes() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTree tree = new MerkleTree(store);
    int size = 256 * 256 + 300;
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      leaves.add(TreeHasher.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
    }
    store.put(tree.append(0, leaves).newNodes());

    byte[] level0 = Tiles.hashTile(store, new TilePath(0, 1, 256), size).orElseThrow();
    assertArrayEquals(leaves.get(256).bytes(), slice(level0, 0));
    assertArrayEquals(leaves.get(511).bytes(), slice(level0, 255));

    // Level 1, hash i: the root of leaves [256·i, 256·(i+1)), as the tree itself computes it.
    byte[] level1 = Tiles.hashTile(store, new TilePath(1, 0, 256), size).orElseThrow();
    for (int i : new int[] {0, 1, 200, 255}) {
      assertArrayEquals(subtreeRoot(leaves, 256 * i, 256).bytes(), slice(level1, i));
    }
    // Level 2 has one hash: the root of the first 65,536 leaves, which is also that tree's root.
    byte[] level2 = Tiles.hashTile(store, new TilePath(2, 0, 1), size).orElseThrow();
    assertArrayEquals(tree.root(65_536).bytes(), level2);

    // A partial tile is a prefix of what the next checkpoint's wider tile holds.
    byte[] p44 = Tiles.hashTile(store, new TilePath(0, 257, 44), size).orElseThrow();
    byte[] p40 = Tiles.hashTile(store, new TilePath(0, 257, 40), size).orElseThrow();
    assertArrayEquals(java.util.Arrays.copyOf(p44, 40 * 32), p40);

    assertTrue(Tiles.hashTile(store, new TilePath(0, 257, 45), size).isEmpty());
    assertTrue(Tiles.hashTile(store, new TilePath(0, 257, 256), size).isEmpty());
    assertTrue(Tiles.hashTile(store, new TilePath(1, 0, 256), 65_535).isEmpty());
    assertTrue(Tiles.hashTile(store, new TilePath(8, 0, 1), size).isEmpty());
  }

  @Test
  void aMissingNodeIsNotServedAsZeros() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    assertTrue(Tiles.hashTile(store, new TilePath(0, 0, 3), 3).isEmpty());
  }

  @Test
  void entryBundlesAreUint16LengthPrefixed() {
    byte[] a = "a".getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[300];
    byte[] bundle = Tiles.entryBundle(List.of(a, b, new byte[0]));
    assertEquals(2 + 1 + 2 + 300 + 2, bundle.length);
    assertEquals(0x01, bundle[3]);
    assertEquals(0x2C, bundle[4] & 0xFF);
    List<byte[]> back = Tiles.readEntryBundle(bundle);
    assertEquals(3, back.size());
    assertArrayEquals(b, back.get(1));
    assertThrows(IllegalArgumentException.class, () -> Tiles.entryBundle(List.of(new byte[65536])));
    byte[] truncated = java.util.Arrays.copyOf(bundle, bundle.length - 5);
    assertThrows(IllegalArgumentException.class, () -> Tiles.readEntryBundle(truncated));
  }

  @Test
  void entryBundlesFollowTheLeafTiles() {
    assertTrue(Tiles.available(new TilePath(TilePath.ENTRIES, 0, 256), 256));
    assertFalse(Tiles.available(new TilePath(TilePath.ENTRIES, 1, 1), 256));
    assertTrue(Tiles.available(new TilePath(TilePath.ENTRIES, 1, 1), 257));
    assertEquals(512, Tiles.firstEntry(new TilePath(TilePath.ENTRIES, 2, 7)));
  }

  private static Hash subtreeRoot(List<Hash> leaves, int from, int count) {
    if (count == 1) return leaves.get(from);
    int half = count / 2;
    return TreeHasher.nodeHash(
        subtreeRoot(leaves, from, half), subtreeRoot(leaves, from + half, half));
  }

  private static byte[] slice(byte[] tile, int i) {
    return java.util.Arrays.copyOfRange(tile, i * 32, (i + 1) * 32);
  }

  private static long fullTiles(int level, long size) {
    long n = 0;
    while (Tiles.available(new TilePath(level, n, 256), size)) n++;
    return n;
  }

  private static int widestPartial(int level, long size) {
    long n = fullTiles(level, size);
    int w = 0;
    while (w < 255 && Tiles.available(new TilePath(level, n, w + 1), size)) w++;
    return w;
  }
}
