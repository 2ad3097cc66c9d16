package org.trialledger.verification.offline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.trialledger.ledger.witness.AddCheckpointRequest;
import org.trialledger.ledger.witness.Witness;

/**
 * The witness over HTTP with the JDK's server: {@code POST /add-checkpoint} per C2SP tlog-witness,
 * nothing else. Bodies are bounded ({@link AddCheckpointRequest#MAX_BYTES}); a request or response
 * that takes longer than {@value #TIMEOUT_SECONDS} s is cut off; errors are one line of text, never
 * a stack trace.
 */
public final class WitnessServer implements AutoCloseable {
  /** How much of a refused request body is read before the connection is closed anyway. */
  static final int DRAIN_LIMIT = 1 << 20;

  static final int TIMEOUT_SECONDS = 30;

  private final HttpServer server;
  private final ExecutorService threads;
  private final Witness witness;
  private final PrintStream log;

  private WitnessServer(HttpServer server, Witness witness, PrintStream log) {
    this.server = server;
    this.witness = witness;
    this.log = log;
    // requests are decided one at a time anyway (the witness holds a lock): a few threads do
    this.threads = Executors.newFixedThreadPool(4);
  }

  public static WitnessServer start(Witness witness, InetSocketAddress address, PrintStream log)
      throws IOException {
    // read once by the JDK server when it first loads; seconds
    System.setProperty(
        "sun.net.httpserver.maxReqTime",
        System.getProperty("sun.net.httpserver.maxReqTime", String.valueOf(TIMEOUT_SECONDS)));
    System.setProperty(
        "sun.net.httpserver.maxRspTime",
        System.getProperty("sun.net.httpserver.maxRspTime", String.valueOf(TIMEOUT_SECONDS)));
    HttpServer http = HttpServer.create(address, 64);
    WitnessServer s = new WitnessServer(http, witness, log);
    http.createContext("/", s::handle);
    http.setExecutor(s.threads);
    http.start();
    return s;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/add-checkpoint")) {
        reply(exchange, 404, "text/plain; charset=utf-8", "Not found; POST /add-checkpoint\n");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        reply(exchange, 405, "text/plain; charset=utf-8", "Use POST\n");
        return;
      }
      byte[] body = readBounded(exchange);
      if (body == null) {
        reply(
            exchange,
            413,
            "text/plain; charset=utf-8",
            "The request is larger than " + AddCheckpointRequest.MAX_BYTES + " bytes\n");
        return;
      }
      AddCheckpointRequest request;
      try {
        request = AddCheckpointRequest.parse(body);
      } catch (IllegalArgumentException e) {
        reply(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
        return;
      }
      Witness.Answer answer;
      try {
        answer = witness.addCheckpoint(request);
      } catch (IOException e) {
        log.println("witness: state not written, nothing cosigned: " + e.getMessage());
        reply(exchange, 503, "text/plain; charset=utf-8", "The witness cannot record state\n");
        return;
      }
      if (answer.status() != 200)
        log.println("witness: " + answer.status() + " " + answer.body().strip());
      reply(exchange, answer.status(), answer.contentType(), answer.body());
    } catch (RuntimeException e) {
      log.println("witness: unexpected " + e);
      reply(exchange, 500, "text/plain; charset=utf-8", "Internal error\n");
    }
  }

  /**
   * The body, or null if it exceeds the bound (announced or actual). A refused body is still read
   * and dropped, up to {@link #DRAIN_LIMIT}: a connection closed with request bytes unread is
   * reset, and the reset can destroy the 413 before the client reads it (seen as "bytes received:
   * 0").
   */
  private static byte[] readBounded(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try (InputStream in = exchange.getRequestBody()) {
      if (length != null) {
        try {
          if (Long.parseLong(length.strip()) > AddCheckpointRequest.MAX_BYTES) {
            drain(in);
            return null;
          }
        } catch (NumberFormatException e) {
          return null;
        }
      }
      byte[] body = in.readNBytes(AddCheckpointRequest.MAX_BYTES + 1);
      if (body.length <= AddCheckpointRequest.MAX_BYTES) return body;
      drain(in);
      return null;
    }
  }

  private static void drain(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    long dropped = 0;
    for (int n; dropped < DRAIN_LIMIT && (n = in.read(buffer)) > 0; ) dropped += n;
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
