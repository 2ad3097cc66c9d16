package org.trialledger.anchoring.tsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialledger.anchoring.tsa.TsaException.Reason;

/**
 * The client against a real RFC 3161 responder on the loopback interface, and each way it can fail.
 */
class TsaClientTest {
  static final byte[] DIGEST = sha256("checkpoint 42");

  LocalTsa tsa;

  @BeforeEach
  void startTsa() throws Exception {
    tsa = LocalTsa.start();
  }

  @AfterEach
  void stopTsa() {
    tsa.close();
  }

  TsaClient client(String policy) {
    return new TsaClient(
        new TsaClient.Settings(
            tsa.uri(), policy, Duration.ofSeconds(2), Duration.ofSeconds(1), 64 * 1024),
        new SecureRandom());
  }

  @Test
  void aGrantedTokenAnswersTheRequestAndVerifies() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    TimestampToken token = client(null).request(DIGEST);
    Instant after = Instant.now().plusSeconds(1);

    assertTrue(
        !token.genTime().isBefore(before) && !token.genTime().isAfter(after), token.toString());
    assertEquals(LocalTsa.POLICY, token.policy());
    assertEquals(Optional.of("CN=Local TSA,O=TrialLedger tests"), token.tsaName());
    assertTrue(token.serialNumber().compareTo(BigInteger.valueOf(1000)) > 0);

    var query = tsa.lastRequest;
    assertEquals(TSPAlgorithms.SHA256, query.getMessageImprintAlgOID());
    assertTrue(query.getCertReq());
    assertNotNull(query.getNonce());
    assertEquals(null, query.getReqPolicy());

    TimestampToken verified =
        new TimestampTokenVerifier(tsa.caCertificate, List.of()).verify(token.encoded(), DIGEST);
    assertEquals(token, verified);
    assertEquals(token.genTime(), verified.genTime());
  }

  @Test
  void everyRequestHasItsOwnNonce() throws Exception {
    TsaClient client = client(null);
    client.request(DIGEST);
    BigInteger first = tsa.lastRequest.getNonce();
    client.request(DIGEST);
    assertNotEquals(first, tsa.lastRequest.getNonce());
  }

  @Test
  void theConfiguredPolicyIsAskedForAndHonoured() throws Exception {
    TimestampToken token = client(LocalTsa.OTHER_POLICY).request(DIGEST);
    assertEquals(LocalTsa.OTHER_POLICY, tsa.lastRequest.getReqPolicy().getId());
    assertEquals(LocalTsa.OTHER_POLICY, token.policy());
  }

  @Test
  void aPolicyTheTsaDoesNotServeIsRejected() {
    TsaException e =
        assertThrows(TsaException.class, () -> client("1.3.6.1.4.1.55555.9").request(DIGEST));
    assertEquals(Reason.REJECTED, e.reason());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "ERROR_500, HTTP_STATUS, answered 500: internal error",
    "REDIRECT, HTTP_STATUS, answered 302",
    "GARBAGE, BAD_RESPONSE, not a timestamp reply",
    "HUGE, BAD_RESPONSE, larger than 65536 bytes",
    "WRONG_CONTENT_TYPE, BAD_RESPONSE, content type text/html",
    "SLOW, TIMEOUT, did not answer in time",
    "REJECTION, REJECTED, TSA clock not synchronised",
    "WRONG_NONCE, MISMATCH, nonce",
    "WRONG_IMPRINT, MISMATCH, imprint",
  })
  void everyFaultGivesItsReasonAndNoToken(LocalTsa.Mode mode, Reason reason, String message) {
    tsa.mode = mode;
    TsaException e = assertThrows(TsaException.class, () -> client(null).request(DIGEST));
    assertEquals(reason, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertEquals(1, tsa.requests.get(), "one request, no retry and no redirect followed");
  }

  @Test
  void withoutAUrlNothingIsSent() {
    TsaClient client = new TsaClient(TsaClient.Settings.notConfigured(), new SecureRandom());
    TsaException e = assertThrows(TsaException.class, () -> client.request(DIGEST));
    assertEquals(Reason.NOT_CONFIGURED, e.reason());
    assertEquals(0, tsa.requests.get());
  }

  @Test
  void aTsaThatIsDownIsAnIoFailure() {
    TsaClient client = client(null);
    tsa.close();
    TsaException e = assertThrows(TsaException.class, () -> client.request(DIGEST));
    assertEquals(Reason.IO, e.reason(), e.getMessage());
  }

  @Test
  void settingsRefuseWhatIsNotAPlainHttpUrlOrOid() {
    assertThrows(
        IllegalArgumentException.class,
        () -> TsaClient.Settings.of(URI.create("file:///etc/passwd"), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> TsaClient.Settings.of(URI.create("https://u:p@tsa.example/"), null));
    assertThrows(
        IllegalArgumentException.class,
        () -> TsaClient.Settings.of(URI.create("https://tsa.example/"), "not.an.oid"));
    assertThrows(IllegalArgumentException.class, () -> client(null).request(new byte[20]));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
