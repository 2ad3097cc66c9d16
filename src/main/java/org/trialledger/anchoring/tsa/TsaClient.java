package org.trialledger.anchoring.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.tsp.TimeStampResp;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.trialledger.anchoring.http.BoundedSend;

/**
 * Asks one configured Time-Stamp Authority for an RFC 3161 token over a SHA-256 digest (RFC 3161
 * §3.4: HTTP POST of {@code application/timestamp-query}). Contacts only the configured URL,
 * follows no redirects, bounds the exchange in time and the answer in size, and returns a token
 * only if it answers this very request (status granted, same nonce, same imprint). Whether the TSA
 * is trusted is the verifier's question.
 */
public final class TsaClient {
  static final String QUERY_TYPE = "application/timestamp-query";
  static final String REPLY_TYPE = "application/timestamp-reply";

  /**
   * @param url the TSA, or {@code null} where the deployment has none
   * @param policyOid the TSA policy to ask for, or {@code null} for the TSA's default
   */
  public record Settings(
      URI url,
      String policyOid,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxResponseBytes) {
    public Settings {
      if (url != null && !isPlainHttpUrl(url))
        throw new IllegalArgumentException("not a TSA URL: " + url);
      if (policyOid != null && ASN1ObjectIdentifier.tryFromID(policyOid) == null) {
        throw new IllegalArgumentException("not an OID: " + policyOid);
      }
      if (maxResponseBytes < 1)
        throw new IllegalArgumentException("maxResponseBytes must be positive");
    }

    /**
     * 5 s to connect, 20 s per request, 64 kB per answer (a token with a certificate chain is a few
     * kB).
     */
    public static Settings of(URI url, String policyOid) {
      return new Settings(url, policyOid, Duration.ofSeconds(5), Duration.ofSeconds(20), 64 * 1024);
    }

    public static Settings notConfigured() {
      return of(null, null);
    }

    private static boolean isPlainHttpUrl(URI u) {
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https"))
          && u.getHost() != null
          && u.getRawUserInfo() == null
          && u.getRawFragment() == null;
    }
  }

  private final Settings settings;
  private final SecureRandom random;
  private final HttpClient http;

  public TsaClient(Settings settings, SecureRandom random) {
    this.settings = settings;
    this.random = random;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  public boolean isConfigured() {
    return settings.url() != null;
  }

  /** Requests a token over {@code sha256Digest}; store {@link TimestampToken#encoded()}. */
  public TimestampToken request(byte[] sha256Digest) throws TsaException {
    if (sha256Digest.length != 32)
      throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
    if (!isConfigured())
      throw new TsaException(TsaException.Reason.NOT_CONFIGURED, "no TSA URL is configured");
    TimeStampRequest query = query(sha256Digest);
    byte[] body;
    try {
      body = query.getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot encode a timestamp query", e); // in memory: cannot happen
    }
    HttpRequest request =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.requestTimeout())
            .header("Content-Type", QUERY_TYPE)
            .header("Accept", REPLY_TYPE)
            .header("User-Agent", "TrialLedger")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() != 200) {
      throw new TsaException(
          TsaException.Reason.HTTP_STATUS,
          settings.url() + " answered " + response.statusCode() + ": " + sanitise(response.body()));
    }
    Optional<String> type = response.headers().firstValue("Content-Type");
    if (type.isEmpty() || !type.get().toLowerCase(Locale.ROOT).startsWith(REPLY_TYPE)) {
      throw bad("content type " + type.orElse("(none)") + " is not " + REPLY_TYPE, null);
    }
    return accept(query, response.body());
  }

  private TimeStampRequest query(byte[] digest) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(
        true); // the token then carries the TSA certificate, so it verifies on its own
    if (settings.policyOid() != null) generator.setReqPolicy(settings.policyOid());
    // The nonce ties the answer to this request: a replayed token for the same digest does not
    // match it.
    return generator.generate(TSPAlgorithms.SHA256, digest, new BigInteger(64, random));
  }

  private TimestampToken accept(TimeStampRequest query, byte[] body) throws TsaException {
    TimeStampResponse response;
    try {
      // fromByteArray rejects trailing bytes, which TimeStampResponse(byte[]) would ignore.
      response =
          new TimeStampResponse(TimeStampResp.getInstance(ASN1Primitive.fromByteArray(body)));
    } catch (IOException | TSPException | RuntimeException e) {
      throw bad("not a timestamp reply: " + e.getMessage(), e);
    }
    int status = response.getStatus();
    if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
      String text = response.getStatusString();
      String failInfo =
          response.getFailInfo() == null ? "" : ", failInfo " + response.getFailInfo().intValue();
      throw new TsaException(
          TsaException.Reason.REJECTED,
          settings.url()
              + " refused: status "
              + status
              + failInfo
              + (text == null ? "" : ": " + sanitise(text)));
    }
    try {
      response.validate(query);
      return TimestampToken.of(response.getTimeStampToken());
    } catch (TSPValidationException e) {
      if (response.getTimeStampToken() == null) throw bad("status granted but no token", e);
      throw new TsaException(
          TsaException.Reason.MISMATCH, settings.url() + ": " + e.getMessage(), e);
    } catch (IOException | TSPException | RuntimeException e) {
      throw bad(e.getMessage(), e);
    }
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws TsaException {
    try {
      return BoundedSend.send(
          http,
          request,
          settings.maxResponseBytes(),
          settings.connectTimeout().plus(settings.requestTimeout()));
    } catch (BoundedSend.SendException e) {
      switch (e.failure()) {
        case TOO_LARGE ->
            throw bad(e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e.getCause());
        case TIMEOUT ->
            throw new TsaException(TsaException.Reason.TIMEOUT, e.getMessage(), e.getCause());
        default -> throw new TsaException(TsaException.Reason.IO, e.getMessage(), e.getCause());
      }
    }
  }

  private TsaException bad(String message, Throwable cause) {
    return new TsaException(
        TsaException.Reason.BAD_RESPONSE, settings.url() + ": " + message, cause);
  }

  /** Printable ASCII only, at most 160 characters: the text ends up in logs and on screens. */
  static String sanitise(byte[] body) {
    return sanitise(new String(body, StandardCharsets.ISO_8859_1));
  }

  static String sanitise(String text) {
    StringBuilder sb = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (sb.length() == 160) break;
      if (c >= 0x20 && c < 0x7f) sb.append(c);
    }
    return sb.toString();
  }
}
