package org.trialledger.anchoring.calendar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.TestBlocks;
import org.trialledger.anchoring.ots.BitcoinAttestation;
import org.trialledger.anchoring.ots.Op;
import org.trialledger.anchoring.ots.PendingAttestation;
import org.trialledger.anchoring.ots.Timestamp;

/**
 * A calendar on 127.0.0.1 that speaks the real protocol: {@code POST /digest} answers a pending
 * timestamp naming this calendar; {@code GET /timestamp/<hex>} answers 404 until {@link #confirm}
 * puts the pending commitments in a block (mined with regtest's easy target), then the path to its
 * Bitcoin attestation.
 */
public final class FakeCalendar implements AutoCloseable {
  public enum Mode {
    NORMAL,
    ERROR_500,
    GARBAGE,
    HUGE,
    SLOW,
    REDIRECT
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, byte[]> pending = new LinkedHashMap<>();
  private final Map<String, Timestamp> confirmed = new LinkedHashMap<>();
  final AtomicInteger requests = new AtomicInteger();
  public volatile Mode mode = Mode.NORMAL;
  public volatile long delayMillis = 3000;
  volatile URI redirectTo;

  private FakeCalendar(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static FakeCalendar start() throws IOException {
    return new FakeCalendar(0);
  }

  /** On a fixed port, for a server configured before the test starts (the integration tests). */
  public static FakeCalendar start(int port) throws IOException {
    return new FakeCalendar(port);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Puts every pending commitment into a new block at {@code height}; returns its header. */
  public synchronized BlockHeader confirm(long height, long timeSeconds) {
    return TestBlocks.mine(confirmRoot(height), timeSeconds);
  }

  /**
   * Puts every pending commitment into the block at {@code height} and returns that block's merkle
   * root, for a test that mines the block into a chain of its own.
   */
  public synchronized byte[] confirmRoot(long height) {
    List<byte[]> commitments = new ArrayList<>(pending.values());
    List<Timestamp> leaves = new ArrayList<>();
    List<byte[]> txids = new ArrayList<>();
    for (byte[] c : commitments) {
      // The commitment inside a transaction, whose id is the double SHA-256 of its bytes.
      List<Op> tx =
          List.of(
              Op.prepend(randomBytes(40)), Op.append(randomBytes(30)), Op.sha256(), Op.sha256());
      byte[] txid = apply(c, tx);
      txids.add(txid);
      leaves.add(Timestamp.path(c, tx, Timestamp.of(txid)));
    }
    // Bitcoin's merkle tree: pairs hashed twice, an odd last node paired with itself.
    List<List<Op>> paths = new ArrayList<>();
    for (int i = 0; i < txids.size(); i++) paths.add(new ArrayList<>());
    List<byte[]> level = txids;
    List<List<Integer>> members = new ArrayList<>();
    for (int i = 0; i < txids.size(); i++) members.add(new ArrayList<>(List.of(i)));
    while (level.size() > 1) {
      List<byte[]> next = new ArrayList<>();
      List<List<Integer>> nextMembers = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        byte[] left = level.get(i);
        byte[] right = i + 1 < level.size() ? level.get(i + 1) : left;
        for (int leaf : members.get(i))
          paths.get(leaf).addAll(List.of(Op.append(right), Op.sha256(), Op.sha256()));
        List<Integer> joined = new ArrayList<>(members.get(i));
        if (i + 1 < level.size()) {
          for (int leaf : members.get(i + 1))
            paths.get(leaf).addAll(List.of(Op.prepend(left), Op.sha256(), Op.sha256()));
          joined.addAll(members.get(i + 1));
        }
        next.add(apply(left, List.of(Op.append(right), Op.sha256(), Op.sha256())));
        nextMembers.add(joined);
      }
      level = next;
      members = nextMembers;
    }
    byte[] root = level.get(0);
    for (int i = 0; i < commitments.size(); i++) {
      Timestamp atRoot = Timestamp.of(root).withAttestation(new BitcoinAttestation(height));
      Timestamp fromTxid = Timestamp.path(txids.get(i), paths.get(i), atRoot);
      confirmed.put(HexFormat.of().formatHex(commitments.get(i)), leaves.get(i).mergeAt(fromTxid));
    }
    pending.clear();
    return root;
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    try (ex) {
      byte[] body = ex.getRequestBody().readNBytes(1000);
      switch (mode) {
        case ERROR_500 -> {
          reply(ex, 500, "internal error".getBytes(StandardCharsets.US_ASCII));
          return;
        }
        case GARBAGE -> {
          reply(
              ex, 200, "<html>this is not a timestamp</html>".getBytes(StandardCharsets.US_ASCII));
          return;
        }
        case HUGE -> {
          reply(ex, 200, new byte[100_000]);
          return;
        }
        case REDIRECT -> {
          ex.getResponseHeaders().add("Location", redirectTo.toString());
          reply(ex, 302, new byte[0]);
          return;
        }
        case SLOW -> sleep(delayMillis);
        default -> {}
      }
      String path = ex.getRequestURI().getPath();
      if (ex.getRequestMethod().equals("POST") && path.equals("/digest")) {
        reply(ex, 200, submit(body).serialize());
      } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/timestamp/")) {
        String hex = path.substring("/timestamp/".length());
        Timestamp t;
        boolean known;
        synchronized (this) {
          t = confirmed.get(hex);
          known = pending.containsKey(hex);
        }
        if (t != null) reply(ex, 200, t.serialize());
        else if (known)
          reply(
              ex,
              404,
              "Pending confirmation in Bitcoin blockchain".getBytes(StandardCharsets.US_ASCII));
        else reply(ex, 404, "Not found".getBytes(StandardCharsets.US_ASCII));
      } else {
        reply(ex, 404, new byte[0]);
      }
    }
  }

  private synchronized Timestamp submit(byte[] digest) {
    List<Op> aggregation =
        List.of(Op.append(randomBytes(8)), Op.sha256(), Op.prepend(randomBytes(4)), Op.sha256());
    byte[] commitment = apply(digest, aggregation);
    pending.put(HexFormat.of().formatHex(commitment), commitment);
    Timestamp tip =
        Timestamp.of(commitment).withAttestation(new PendingAttestation(uri().toString()));
    return Timestamp.path(digest, aggregation, tip);
  }

  private static void reply(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) ex.getResponseBody().write(body);
  }

  private static byte[] apply(byte[] m, List<Op> ops) {
    for (Op op : ops) m = op.apply(m);
    return m;
  }

  private byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int requestCount() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
