package org.trialledger.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A web page on another origin (same host, another port), as an attacker would serve it. */
final class AttackerSite implements AutoCloseable {
  private final HttpServer server;
  private final String host;

  AttackerSite(String host) {
    this.host = host;
    try {
      server = HttpServer.create(new InetSocketAddress(host, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.start();
  }

  void page(String path, String body) {
    byte[] html =
        ("<!doctype html><html><head><title>cute cats</title></head><body>"
                + body
                + "</body></html>")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, html.length);
          exchange.getResponseBody().write(html);
          exchange.close();
        });
  }

  String url(String path) {
    return "http://" + host + ":" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
