package org.trialledger.anchoring.calendar;

import org.trialledger.anchoring.http.CappedBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.ots.Timestamp;

/**
 * The OpenTimestamps calendar protocol over {@code java.net.http}: {@code POST /digest} and
 * {@code GET /timestamp/<hex>}. Contacts only allow-listed calendars, follows no redirects, bounds every
 * request in time and every answer in size, and parses answers with the strict codec.
 */
public final class CalendarClient {
  static final String ACCEPT = "application/vnd.opentimestamps.v1";
  /** The reference calendar accepts digests up to 64 bytes. */
  static final int MAX_DIGEST_LENGTH = 64;

  /**
   * @param allowList the only calendars that may be contacted
   * @param maxResponseBytes the reference client reads at most 10,000 bytes of an answer
   */
  public record Settings(List<URI> allowList, Duration connectTimeout, Duration requestTimeout, int maxResponseBytes) {
    public Settings {
      allowList = List.copyOf(allowList);
      if (maxResponseBytes < 1) throw new IllegalArgumentException("maxResponseBytes must be positive");
    }

    /** 5 s to connect, 20 s per request, 10 kB per answer. */
    public static Settings of(List<URI> allowList) {
      return new Settings(allowList, Duration.ofSeconds(5), Duration.ofSeconds(20), 10_000);
    }
  }

  private final Settings settings;
  private final AllowList allowList;
  private final HttpClient http;

  public CalendarClient(Settings settings) {
    this.settings = settings;
    this.allowList = new AllowList(settings.allowList());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public boolean allows(URI calendar) {
    return allowList.allows(calendar);
  }

  /** Submits a digest; the answer is a timestamp for it, normally ending in a pending attestation. */
  public Timestamp submit(URI calendar, byte[] digest) throws CalendarException {
    if (digest.length < 1 || digest.length > MAX_DIGEST_LENGTH) {
      throw new IllegalArgumentException("digest must be 1-64 bytes");
    }
    HttpRequest request = request(calendar, "/digest").POST(HttpRequest.BodyPublishers.ofByteArray(digest)).build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() != 200) throw status(calendar, response);
    return parse(calendar, response.body(), digest);
  }

  /** Asks for the upgrade of a commitment: the message at the node of this calendar's pending attestation. */
  public UpgradeAnswer getTimestamp(URI calendar, byte[] commitment) throws CalendarException {
    HttpRequest request = request(calendar, "/timestamp/" + HexFormat.of().formatHex(commitment)).GET().build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() == 404) return new UpgradeAnswer.Pending(sanitise(response.body()));
    if (response.statusCode() != 200) throw status(calendar, response);
    return new UpgradeAnswer.Upgraded(parse(calendar, response.body(), commitment));
  }

  private HttpRequest.Builder request(URI calendar, String path) throws CalendarException {
    if (!allowList.allows(calendar)) {
      throw new CalendarException(CalendarException.Reason.NOT_ALLOWED, calendar + " is not an allowed calendar");
    }
    String base = calendar.toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(settings.requestTimeout())
        .header("Accept", ACCEPT)
        .header("User-Agent", "TrialLedger");
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws CalendarException {
    CompletableFuture<HttpResponse<byte[]>> future =
        http.sendAsync(request, CappedBody.handler(settings.maxResponseBytes()));
    // HttpRequest.timeout covers only the wait for headers; this deadline also covers a body that trickles.
    long deadline = settings.connectTimeout().plus(settings.requestTimeout()).toMillis();
    try {
      return future.get(deadline, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new CalendarException(CalendarException.Reason.TIMEOUT, request.uri() + " did not answer in time", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CalendarException(CalendarException.Reason.IO, "interrupted", e);
    } catch (ExecutionException e) {
      throw failure(request.uri(), e.getCause());
    }
  }

  private static CalendarException failure(URI uri, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLarge) {
        return new CalendarException(CalendarException.Reason.TOO_LARGE, uri + ": " + t.getMessage(), cause);
      }
      if (t instanceof HttpTimeoutException) {
        return new CalendarException(CalendarException.Reason.TIMEOUT, uri + " did not answer in time", cause);
      }
    }
    String what = cause instanceof IOException ? "I/O error" : "unexpected error";
    return new CalendarException(CalendarException.Reason.IO, uri + ": " + what + ": " + cause, cause);
  }

  private static CalendarException status(URI calendar, HttpResponse<byte[]> response) {
    return new CalendarException(
        CalendarException.Reason.HTTP_STATUS,
        calendar + " answered " + response.statusCode() + ": " + sanitise(response.body()));
  }

  private static Timestamp parse(URI calendar, byte[] body, byte[] message) throws CalendarException {
    try {
      return Timestamp.parse(body, message);
    } catch (OtsFormatException e) {
      throw new CalendarException(CalendarException.Reason.BAD_RESPONSE, calendar + ": " + e.getMessage(), e);
    }
  }

  /** Printable ASCII only, at most 160 characters: the text ends up in logs and on screens. */
  static String sanitise(byte[] body) {
    StringBuilder sb = new StringBuilder();
    for (byte b : body) {
      if (sb.length() == 160) break;
      if (b >= 0x20 && b < 0x7f) sb.append((char) b);
    }
    return sb.toString();
  }
}
