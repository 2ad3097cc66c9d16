package org.trialledger.anchoring.headersource;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.ledger.json.JsonParser;

/**
 * A Bitcoin Core node's JSON-RPC interface: {@code getblockhash HEIGHT} and {@code getblockheader
 * HASH false} (the raw header as hex). Credentials, if the URL carries them ({@code
 * http://user:password@host:8332/}), are sent as HTTP Basic and never shown.
 */
public final class BitcoinCoreRpc implements RemoteHeaderSource {
  private final URI uri;
  private final String authorization;
  private final HttpAnswers http;

  public BitcoinCoreRpc(URI configured, Duration timeout) {
    String userInfo = configured.getRawUserInfo();
    this.authorization =
        userInfo == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        URLDecoder.decode(userInfo, StandardCharsets.UTF_8)
                            .getBytes(StandardCharsets.UTF_8));
    try {
      this.uri =
          new URI(
              configured.getScheme(),
              null,
              configured.getHost(),
              configured.getPort(),
              configured.getPath().isEmpty() ? "/" : configured.getPath(),
              null,
              null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a Bitcoin Core RPC URL: " + configured, e);
    }
    this.http = new HttpAnswers(timeout);
  }

  @Override
  public String name() {
    return "Bitcoin Core " + uri;
  }

  @Override
  public String blockHash(long height) throws SourceException {
    return RemoteHeaderSource.hash(
        call("getblockhash", "[" + height + "]"), "the hash at " + height);
  }

  @Override
  public BlockHeader header(String hash) throws SourceException {
    return RemoteHeaderSource.header(
        call("getblockheader", "[\"" + hash + "\",false]"), hash, "the header answered");
  }

  /** One JSON-RPC 1.0 call; the result must be a string. */
  private String call(String method, String params) throws SourceException {
    String body =
        "{\"jsonrpc\":\"1.0\",\"id\":\"trialledger\",\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) request.header("Authorization", authorization);
    HttpAnswers.Answer a = http.send(request);
    if (a.status() == 401 || a.status() == 403)
      throw new SourceException(name() + " refused the credentials (HTTP " + a.status() + ")");
    Object reply;
    try {
      reply = JsonParser.parse(a.body());
    } catch (IllegalArgumentException e) {
      throw new SourceException(
          name() + " answered " + method + " with HTTP " + a.status() + " and no JSON-RPC reply");
    }
    if (!(reply instanceof Map<?, ?> m))
      throw new SourceException(name() + " answered " + method + " with no JSON-RPC object");
    if (m.get("error") instanceof Map<?, ?> error)
      throw new SourceException(method + ": " + error.get("message"));
    if (!(m.get("result") instanceof String result))
      throw new SourceException(name() + " answered " + method + " without a string result");
    return result;
  }
}
