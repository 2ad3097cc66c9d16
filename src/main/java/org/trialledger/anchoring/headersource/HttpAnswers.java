package org.trialledger.anchoring.headersource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.trialledger.anchoring.http.BoundedSend;

/** One bounded exchange with a header source: a few kilobytes, within the configured time. */
final class HttpAnswers {
  /** An answer is a hash, a header or a small JSON-RPC reply. */
  static final int MAX_BYTES = 4096;

  private final HttpClient http;
  private final Duration timeout;

  HttpAnswers(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  record Answer(int status, String body) {}

  Answer send(HttpRequest.Builder request) throws SourceException {
    try {
      HttpResponse<byte[]> r =
          BoundedSend.send(
              http, request.timeout(timeout).build(), MAX_BYTES, timeout.multipliedBy(2));
      return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    } catch (BoundedSend.SendException e) {
      throw new SourceException(e.getMessage(), e);
    }
  }
}
