package org.trialledger.anchoring.tsa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialledger.anchoring.tsa.TsaClientTest.sha256;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialledger.anchoring.tsa.TokenVerificationException.Step;

/**
 * Tokens from the local TSA: accepted exactly when digest, certificate, chain and bytes are the
 * right ones.
 */
class TimestampTokenVerifierTest {
  static final byte[] DIGEST = sha256("checkpoint 7");

  static LocalTsa tsa;
  static LocalTsa other;
  static byte[] token;

  @BeforeAll
  static void issueToken() throws Exception {
    tsa = LocalTsa.start();
    other = LocalTsa.start("Other");
    TsaClient client = new TsaClient(TsaClient.Settings.of(tsa.uri(), null), new SecureRandom());
    token = client.request(DIGEST).encoded();
  }

  @AfterAll
  static void stop() {
    tsa.close();
    other.close();
  }

  static TimestampTokenVerifier trusting(LocalTsa authority) {
    return new TimestampTokenVerifier(authority.caCertificate, List.of());
  }

  static Step rejection(TimestampTokenVerifier verifier, byte[] token, byte[] digest) {
    return assertThrows(TokenVerificationException.class, () -> verifier.verify(token, digest))
        .step();
  }

  @Test
  void theTokenVerifiesAgainstTheRootOrThePinnedTsaCertificateInPemOrDer() throws Exception {
    trusting(tsa).verify(token, DIGEST);
    new TimestampTokenVerifier(tsa.tsaCertificate, List.of()).verify(token, DIGEST);
    TimestampTokenVerifier.fromCertificates(
            LocalTsa.pem(tsa.caCertificate).getBytes(StandardCharsets.US_ASCII))
        .verify(token, DIGEST);
    TimestampTokenVerifier.fromCertificates(tsa.caCertificate.getEncoded()).verify(token, DIGEST);
  }

  @Test
  void theVerifiedTimeIsTheTokensGenTime() throws Exception {
    TimestampToken verified = trusting(tsa).verify(token, DIGEST);
    assertEquals(parse(token).getTimeStampInfo().getGenTime().toInstant(), verified.genTime());
    assertArrayEquals(token, verified.encoded());
  }

  @Test
  void anotherDigestIsRejectedAtTheImprint() {
    assertEquals(Step.IMPRINT, rejection(trusting(tsa), token, sha256("checkpoint 8")));
  }

  @Test
  void anotherAuthoritysRootOrCertificateIsRejectedAtTrust() {
    assertEquals(Step.TRUST, rejection(trusting(other), token, DIGEST));
    assertEquals(
        Step.TRUST,
        rejection(new TimestampTokenVerifier(other.tsaCertificate, List.of()), token, DIGEST));
    // The TSA's own CA as an intermediate does not help when the anchor is someone else's.
    assertEquals(
        Step.TRUST,
        rejection(
            new TimestampTokenVerifier(other.caCertificate, List.of(tsa.caCertificate)),
            token,
            DIGEST));
  }

  @Test
  void aTokenWithoutCertificatesNeedsTheSignerConfigured() throws Exception {
    byte[] bare = tsa.issue(DIGEST, false);
    assertEquals(Step.SIGNER_CERTIFICATE, rejection(trusting(tsa), bare, DIGEST));
    new TimestampTokenVerifier(tsa.tsaCertificate, List.of()).verify(bare, DIGEST);
    new TimestampTokenVerifier(tsa.caCertificate, List.of(tsa.tsaCertificate)).verify(bare, DIGEST);
    String rootThenTsa = LocalTsa.pem(tsa.caCertificate) + LocalTsa.pem(tsa.tsaCertificate);
    TimestampTokenVerifier.fromCertificates(rootThenTsa.getBytes(StandardCharsets.US_ASCII))
        .verify(bare, DIGEST);
  }

  @Test
  void aSignerWithoutTheSoleCriticalTimeStampingUsageIsRejected() throws Exception {
    byte[] bare = tsa.issue(DIGEST, false);
    ExtendedKeyUsage timeStamping = new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping);
    ExtendedKeyUsage andCodeSigning =
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_timeStamping, KeyPurposeId.id_kp_codeSigning});
    for (X509Certificate lax :
        List.of(
            tsa.tsaCertificate(timeStamping, false),
            tsa.tsaCertificate(andCodeSigning, true),
            tsa.tsaCertificate(null, true))) {
      assertEquals(
          Step.EXTENDED_KEY_USAGE,
          rejection(new TimestampTokenVerifier(lax, List.of()), bare, DIGEST));
    }
    new TimestampTokenVerifier(tsa.tsaCertificate, List.of()).verify(bare, DIGEST);
  }

  @Test
  void aFlippedByteInTheSignatureOrTheSignedContentIsRejected() throws Exception {
    byte[] lastByte = token.clone();
    lastByte[lastByte.length - 1] ^= 0x01; // the token ends with the SignerInfo's signature value
    assertEquals(Step.SIGNATURE, rejection(trusting(tsa), lastByte, DIGEST));

    TimeStampTokenInfo info = parse(token).getTimeStampInfo();
    int tstInfo = indexOf(token, info.getEncoded(), 0);
    int serial = indexOf(token, new ASN1Integer(info.getSerialNumber()).getEncoded(), tstInfo);
    byte[] otherSerial = token.clone();
    otherSerial[serial + 2] ^= 0x01; // the TSTInfo no longer hashes to the signed message digest
    assertEquals(Step.SIGNATURE, rejection(trusting(tsa), otherSerial, DIGEST));

    int genTime = indexOf(token, info.toASN1Structure().getGenTime().getEncoded(), tstInfo);
    byte[] otherYear = token.clone();
    otherYear[genTime + 2 + 3] ^=
        0x01; // still a valid time, but BC already compares it with the signed signing-time
    TokenVerificationException e =
        assertThrows(
            TokenVerificationException.class, () -> trusting(tsa).verify(otherYear, DIGEST));
    assertEquals(Step.PARSE, e.step());
    assertTrue(e.getMessage().contains("signing-time"), e.getMessage());
  }

  @Test
  void garbageIsRejectedAtParse() {
    assertEquals(
        Step.PARSE, rejection(trusting(tsa), new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, DIGEST));
    assertEquals(
        Step.PARSE,
        rejection(trusting(tsa), "not a token".getBytes(StandardCharsets.US_ASCII), DIGEST));
    byte[] trailing = Arrays.copyOf(token, token.length + 1);
    assertEquals(Step.PARSE, rejection(trusting(tsa), trailing, DIGEST));
  }

  /**
   * Every single-bit flip anywhere in the token, embedded certificate and unsigned CMS fields
   * included, is rejected with a named step, never with an unchecked exception: a stored token
   * cannot be altered unnoticed.
   */
  @Test
  void everyFlippedBitIsRejected() {
    TimestampTokenVerifier verifier = trusting(tsa);
    Map<Step, Integer> steps = new EnumMap<>(Step.class);
    for (int i = 0; i < token.length; i++) {
      for (int bit : new int[] {0x01, 0x80}) {
        byte[] mutant = token.clone();
        mutant[i] ^= (byte) bit;
        int at = i;
        Step step =
            assertThrows(
                    TokenVerificationException.class,
                    () -> verifier.verify(mutant, DIGEST),
                    "bit " + bit + " of byte " + at)
                .step();
        steps.merge(step, 1, Integer::sum);
      }
    }
    System.out.println("bit flips of a " + token.length + "-byte token, rejected at: " + steps);
    assertTrue(
        steps.keySet().containsAll(List.of(Step.PARSE, Step.SIGNER_CERTIFICATE, Step.SIGNATURE)),
        steps.toString());
  }

  private static TimeStampToken parse(byte[] token) throws Exception {
    return new TimeStampToken(ContentInfo.getInstance(ASN1Primitive.fromByteArray(token)));
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }
}
