package org.trialledger.anchoring.calendar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.trialledger.anchoring.http.BoundedSend;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.anchoring.ots.Timestamp;

/**
 * The OpenTimestamps calendar protocol over {@code java.net.http}: {@code POST /digest} and {@code
 * GET /timestamp/<hex>}. Contacts only allow-listed calendars, follows no redirects, bounds every
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
  public record Settings(
      List<URI> allowList, Duration connectTimeout, Duration requestTimeout, int maxResponseBytes) {
    public Settings {
      allowList = List.copyOf(allowList);
      if (maxResponseBytes < 1)
        throw new IllegalArgumentException("maxResponseBytes must be positive");
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

  /**
   * Submits a digest; the answer is a timestamp for it, normally ending in a pending attestation.
   */
  public Timestamp submit(URI calendar, byte[] digest) throws CalendarException {
    if (digest.length < 1 || digest.length > MAX_DIGEST_LENGTH) {
      throw new IllegalArgumentException("digest must be 1-64 bytes");
    }
    HttpRequest request =
        request(calendar, "/digest").POST(HttpRequest.BodyPublishers.ofByteArray(digest)).build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() != 200) throw status(calendar, response);
    return parse(calendar, response.body(), digest);
  }

  /**
   * Asks for the upgrade of a commitment: the message at the node of this calendar's pending
   * attestation.
   */
  public UpgradeAnswer getTimestamp(URI calendar, byte[] commitment) throws CalendarException {
    HttpRequest request =
        request(calendar, "/timestamp/" + HexFormat.of().formatHex(commitment)).GET().build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() == 404) return new UpgradeAnswer.Pending(sanitise(response.body()));
    if (response.statusCode() != 200) throw status(calendar, response);
    return new UpgradeAnswer.Upgraded(parse(calendar, response.body(), commitment));
  }

  private HttpRequest.Builder request(URI calendar, String path) throws CalendarException {
    if (!allowList.allows(calendar)) {
      throw new CalendarException(
          CalendarException.Reason.NOT_ALLOWED, calendar + " is not an allowed calendar");
    }
    String base = calendar.toString().replaceAll("/+$", "");
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(settings.requestTimeout())
        .header("Accept", ACCEPT)
        .header("User-Agent", "TrialLedger");
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws CalendarException {
    try {
      return BoundedSend.send(
          http,
          request,
          settings.maxResponseBytes(),
          settings.connectTimeout().plus(settings.requestTimeout()));
    } catch (BoundedSend.SendException e) {
      CalendarException.Reason reason =
          switch (e.failure()) {
            case TIMEOUT -> CalendarException.Reason.TIMEOUT;
            case TOO_LARGE -> CalendarException.Reason.TOO_LARGE;
            case IO -> CalendarException.Reason.IO;
          };
      throw new CalendarException(reason, e.getMessage(), e.getCause());
    }
  }

  private static CalendarException status(URI calendar, HttpResponse<byte[]> response) {
    return new CalendarException(
        CalendarException.Reason.HTTP_STATUS,
        calendar + " answered " + response.statusCode() + ": " + sanitise(response.body()));
  }

  private static Timestamp parse(URI calendar, byte[] body, byte[] message)
      throws CalendarException {
    try {
      return Timestamp.parse(body, message);
    } catch (OtsFormatException e) {
      throw new CalendarException(
          CalendarException.Reason.BAD_RESPONSE, calendar + ": " + e.getMessage(), e);
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
