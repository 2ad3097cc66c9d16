package org.trialledger.anchoring.headersource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.bitcoin.SyntheticChain;
import org.trialledger.ledger.json.JsonParser;

/**
 * A Bitcoin Core JSON-RPC server or an Esplora REST server on loopback (the JDK's HttpServer),
 * answering from a {@link SyntheticChain} the test built. It can lie at chosen heights: with a
 * header off the chain, with a minimum-difficulty header, or with the block of another height.
 */
public final class FakeChainServer implements AutoCloseable {
  static {
    // the JDK server writes a response's headers and body apart; with Nagle's algorithm on, the
    // client's delayed ACK then holds every answer back by some 40 ms (read once per JVM, so set
    // before the first server starts)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  public enum Kind {
    BITCOIN_CORE,
    ESPLORA
  }

  /** How the server answers at a height. */
  public enum Lie {
    /** a header from another chain (valid work of its own, not linked to ours) */
    OFF_CHAIN,
    /** a header linked to ours but at the network's minimum difficulty */
    MIN_DIFFICULTY,
    /** the next height's block */
    WRONG_HEIGHT
  }

  private final Kind kind;
  private final HttpServer server;
  private final Map<Long, Lie> lies = new ConcurrentHashMap<>();
  private final Map<String, BlockHeader> extra = new ConcurrentHashMap<>();
  private volatile SyntheticChain chain;
  private final CountDownLatch never = new CountDownLatch(1);
  public volatile boolean down;
  public volatile boolean hang;
  public volatile String credentials;

  private FakeChainServer(Kind kind, SyntheticChain chain, int port) throws IOException {
    this.kind = kind;
    this.chain = chain;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeChainServer start(Kind kind, SyntheticChain chain) throws IOException {
    return new FakeChainServer(kind, chain, 0);
  }

  public static FakeChainServer start(Kind kind, SyntheticChain chain, int port)
      throws IOException {
    return new FakeChainServer(kind, chain, port);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  public FakeChainServer lieAt(long height, Lie lie) {
    lies.put(height, lie);
    return this;
  }

  /** Serves another chain from now on (a fork the source prefers). */
  public void serve(SyntheticChain other) {
    chain = other;
  }

  @Override
  public void close() {
    never.countDown();
    server.stop(0);
  }

  /** The block this server claims at {@code height}, lies included. */
  BlockHeader blockAt(long height) {
    BlockHeader real = chain.at(height);
    if (real == null) return null;
    Lie lie = lies.get(height);
    if (lie == null) return real;
    BlockHeader told =
        switch (lie) {
          case OFF_CHAIN ->
              SyntheticChain.mine(new byte[32], real.merkleRoot(), real.timeSeconds(), real.bits());
          case MIN_DIFFICULTY ->
              SyntheticChain.mine(
                  real.previousBlockHash(),
                  real.merkleRoot(),
                  real.timeSeconds(),
                  SyntheticChain.NET.powLimitBits());
          case WRONG_HEIGHT -> chain.at(height + 1) == null ? real : chain.at(height + 1);
        };
    extra.put(told.blockHashHex(), told);
    return told;
  }

  private BlockHeader byHash(String hash) {
    BlockHeader h = extra.get(hash);
    if (h != null) return h;
    for (BlockHeader b : chain.headers().values()) if (b.blockHashHex().equals(hash)) return b;
    return null;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (hang) {
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (down) {
        reply(ex, 503, "unavailable");
        return;
      }
      if (kind == Kind.BITCOIN_CORE) rpc(ex);
      else rest(ex);
    }
  }

  private static final Pattern HEIGHT = Pattern.compile("/block-height/(\\d+)");
  private static final Pattern HEADER = Pattern.compile("/block/([0-9a-f]{64})/header");

  private void rest(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Matcher m = HEIGHT.matcher(path);
    if (m.matches()) {
      BlockHeader h = blockAt(Long.parseLong(m.group(1)));
      if (h == null) reply(ex, 404, "Block not found");
      else reply(ex, 200, h.blockHashHex());
      return;
    }
    m = HEADER.matcher(path);
    if (m.matches()) {
      BlockHeader h = byHash(m.group(1));
      if (h == null) reply(ex, 404, "Block not found");
      else reply(ex, 200, HexFormat.of().formatHex(h.bytes()));
      return;
    }
    reply(ex, 404, "not found");
  }

  @SuppressWarnings("unchecked")
  private void rpc(HttpExchange ex) throws IOException {
    if (credentials != null) {
      String expected =
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
      if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        reply(ex, 401, "");
        return;
      }
    }
    Map<String, Object> call =
        (Map<String, Object>)
            JsonParser.parse(
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    List<Object> params = (List<Object>) call.get("params");
    Map<String, Object> answer = new HashMap<>();
    switch ((String) call.get("method")) {
      case "getblockhash" -> {
        BlockHeader h = blockAt(((Number) params.get(0)).longValue());
        if (h == null) {
          rpcError(ex, -8, "Block height out of range");
          return;
        }
        answer.put("result", h.blockHashHex());
      }
      case "getblockheader" -> {
        BlockHeader h = byHash((String) params.get(0));
        if (h == null) {
          rpcError(ex, -5, "Block not found");
          return;
        }
        answer.put("result", HexFormat.of().formatHex(h.bytes()));
      }
      default -> {
        rpcError(ex, -32601, "Method not found");
        return;
      }
    }
    reply(
        ex,
        200,
        "{\"result\":\""
            + answer.get("result")
            + "\",\"error\":null,\"id\":\""
            + call.get("id")
            + "\"}");
  }

  private static void rpcError(HttpExchange ex, int code, String message) throws IOException {
    // Bitcoin Core answers RPC errors with HTTP 500 (404 for an unknown method) and the error
    // object
    reply(
        ex,
        code == -32601 ? 404 : 500,
        "{\"result\":null,\"error\":{\"code\":"
            + code
            + ",\"message\":\""
            + message
            + "\"},\"id\":\"trialledger\"}");
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    }
  }
}
