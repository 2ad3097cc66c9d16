package org.trialledger.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.GoProgram;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;

/**
 * Our tiles read by Go's golang.org/x/mod/sumdb/tlog through src/test/go/tilecheck: the checkpoint,
 * {@code TileHashReader} over our hash tiles, every entry of our entry bundles proved into the
 * checkpoint, and older trees proved consistent. The tiles come from {@link Tiles} over a node
 * store, served on loopback; the running application serves the same bytes (LedgerIT).
 */
class GoTileCrossCheckTest {
  private static final byte[] SEED = new byte[32];
  private static final NoteKey KEY = NoteKey.signer("registry.example/log", SEED);
  private static GoProgram tilecheck;

  private final InMemoryNodeStore store = new InMemoryNodeStore();
  private final MerkleTree tree = new MerkleTree(store);
  private final List<byte[]> entries = new ArrayList<>();
  private HttpServer server;
  private byte[] corrupt; // when set, served instead of the first level-0 tile

  @BeforeAll
  static void build() throws Exception {
    Arrays.fill(SEED, (byte) 7);
    tilecheck = GoProgram.build("tilecheck");
  }

  @AfterEach
  void stop() {
    if (server != null) server.stop(0);
  }

  @Test
  void goReadsOurTilesAndProvesEveryEntry() throws Exception {
    grow(70_000 / 100); // 700 entries: full and partial tiles at level 0, a partial at level 1
    Hash at300 = tree.root(300);
    Hash at512 = tree.root(512);
    GoProgram.Result r =
        tilecheck.run(serve(), KEY.verifierKey(), "300:" + b64(at300), "512:" + b64(at512));
    assertEquals(0, r.exit(), r.output());
    assertEquals(
        """
        checkpoint registry.example/log size 700 signature verified
        tree hash from tiles matches the checkpoint
        entries 700 proved into the checkpoint
        tree 300 consistent with tree 700
        tree 512 consistent with tree 700
        """,
        r.output());
  }

  @Test
  void aTreeOfExactlyOneTileNeedsAPartialTileAbove() throws Exception {
    grow(256);
    GoProgram.Result r = tilecheck.run(serve(), KEY.verifierKey());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("entries 256 proved"), r.output());
  }

  @Test
  void goRefusesATileThatDoesNotHashToTheCheckpoint() throws Exception {
    grow(600);
    corrupt = Tiles.hashTile(store, new TilePath(0, 0, 256), 600).orElseThrow();
    corrupt[100] ^= 1;
    GoProgram.Result r = tilecheck.run(serve(), KEY.verifierKey());
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().startsWith("checkpoint registry.example/log size 600"), r.output());
    assertTrue(r.output().contains("FAIL"), r.output());
  }

  @Test
  void goRefusesAnOlderTreeTheLogDidNotHave() throws Exception {
    grow(400);
    Hash forged = Hash.sha256("another history".getBytes(StandardCharsets.UTF_8));
    GoProgram.Result r = tilecheck.run(serve(), KEY.verifierKey(), "300:" + b64(forged));
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("FAIL tree 300"), r.output());
  }

  private void grow(int n) {
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] e = ("entry " + (entries.size())).getBytes(StandardCharsets.UTF_8);
      entries.add(e);
      leaves.add(TreeHasher.leafHash(e));
    }
    store.put(tree.append(entries.size() - n, leaves).newNodes());
  }

  private String serve() throws IOException {
    long size = entries.size();
    String note = new Checkpoint(KEY.name(), size, tree.root(size)).sign(KEY);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/log/",
        exchange -> {
          String path = exchange.getRequestURI().getPath().substring("/log/".length());
          if (path.equals("checkpoint")) {
            send(exchange, 200, note.getBytes(StandardCharsets.UTF_8));
            return;
          }
          Optional<TilePath> tile = TilePath.parse(path);
          Optional<byte[]> body = tile.flatMap(t -> read(t, size));
          if (corrupt != null && tile.equals(Optional.of(new TilePath(0, 0, 256)))) {
            body = Optional.of(corrupt);
          }
          send(exchange, body.isPresent() ? 200 : 404, body.orElse(new byte[0]));
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/log";
  }

  private Optional<byte[]> read(TilePath tile, long size) {
    if (!tile.isEntries()) return Tiles.hashTile(store, tile, size);
    if (!Tiles.available(tile, size)) return Optional.empty();
    int first = (int) Tiles.firstEntry(tile);
    return Optional.of(Tiles.entryBundle(entries.subList(first, first + tile.width())));
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) exchange.getResponseBody().write(body);
    exchange.close();
  }

  private static String b64(Hash h) {
    return java.util.Base64.getEncoder().encodeToString(h.bytes());
  }
}
