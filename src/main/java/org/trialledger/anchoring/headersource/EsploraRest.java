package org.trialledger.anchoring.headersource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.trialledger.anchoring.bitcoin.BlockHeader;

/**
 * An Esplora REST API (as Blockstream's and mempool.space's explorers serve it, or a self-hosted
 * one): {@code GET /block-height/{height}} answers the hash as text, {@code GET
 * /block/{hash}/header} the header as hex.
 */
public final class EsploraRest implements RemoteHeaderSource {
  private final String base;
  private final HttpAnswers http;

  public EsploraRest(URI base, Duration timeout) {
    String b = base.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.http = new HttpAnswers(timeout);
  }

  @Override
  public String name() {
    return "Esplora " + base;
  }

  @Override
  public String blockHash(long height) throws SourceException {
    return RemoteHeaderSource.hash(get("/block-height/" + height), "the hash at " + height);
  }

  @Override
  public BlockHeader header(String hash) throws SourceException {
    return RemoteHeaderSource.header(
        get("/block/" + hash + "/header"), hash, "the header answered");
  }

  private String get(String path) throws SourceException {
    URI uri = URI.create(base + path);
    HttpAnswers.Answer a = http.send(HttpRequest.newBuilder(uri).GET());
    if (a.status() != 200) throw new SourceException(uri + " answered HTTP " + a.status());
    return a.body();
  }
}
