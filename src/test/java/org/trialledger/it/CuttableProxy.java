package org.trialledger.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback between the server and its database, which a test can cut: {@link #cut}
 * closes every open connection and stops listening, so the server's pooled connections break and
 * new ones are refused, as when the database host goes away; {@link #restore} listens again on the
 * same port.
 */
final class CuttableProxy implements AutoCloseable {
  private final int port;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  private CuttableProxy(int port, InetSocketAddress target) {
    this.port = port;
    this.target = target;
  }

  static CuttableProxy start(String targetHost, int targetPort) throws IOException {
    CuttableProxy proxy =
        new CuttableProxy(MicroProcess.freePort(), new InetSocketAddress(targetHost, targetPort));
    proxy.restore();
    return proxy;
  }

  int port() {
    return port;
  }

  synchronized void restore() throws IOException {
    if (listener != null) return;
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = s;
    Thread accepting = new Thread(() -> accept(s), "proxy-accept-" + port);
    accepting.setDaemon(true);
    accepting.start();
  }

  synchronized void cut() {
    ServerSocket s = listener;
    listener = null;
    closeQuietly(s);
    for (Socket socket : open) closeQuietly(socket);
    open.clear();
  }

  private void accept(ServerSocket s) {
    while (!s.isClosed()) {
      try {
        Socket client = s.accept();
        Socket server = new Socket();
        try {
          server.connect(target, 5_000);
        } catch (IOException refused) {
          closeQuietly(client);
          continue;
        }
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16_384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException gone) {
                // either side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) return;
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
  }
}
