package org.trialledger.anchoring.tsa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 TSA on 127.0.0.1 built from Bouncy Castle's own generators: a fresh EC P-256 CA and a
 * TSA certificate it issued (extended key usage timeStamping, critical), answering {@code POST /}
 * with {@code application/timestamp-reply}. {@link #mode} switches it to each way a real TSA can
 * fail.
 */
public final class LocalTsa implements AutoCloseable {
  enum Mode {
    NORMAL,
    ERROR_500,
    GARBAGE,
    HUGE,
    SLOW,
    REDIRECT,
    WRONG_CONTENT_TYPE,
    REJECTION,
    WRONG_NONCE,
    WRONG_IMPRINT
  }

  static final String POLICY = "1.3.6.1.4.1.55555.1.1";
  static final String OTHER_POLICY = "1.3.6.1.4.1.55555.1.2";

  final KeyPair caKeys = ecKeys();
  public final X509Certificate caCertificate;
  final KeyPair tsaKeys = ecKeys();
  public final X509Certificate tsaCertificate;
  final AtomicInteger requests = new AtomicInteger();
  volatile Mode mode = Mode.NORMAL;
  volatile long delayMillis = 3000;
  volatile TimeStampRequest lastRequest;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final TimeStampResponseGenerator responses;
  private final AtomicLong serials = new AtomicLong(1000);

  private final X500Name caName;
  private final X500Name tsaName;

  private LocalTsa(String name) throws Exception {
    this(name, 0);
  }

  private LocalTsa(String name, int port) throws Exception {
    Instant now = Instant.now();
    caName = new X500Name("CN=" + name + " Root CA,O=TrialLedger tests");
    tsaName = new X500Name("CN=" + name + " TSA,O=TrialLedger tests");
    caCertificate =
        certificate(
            caName,
            caName,
            BigInteger.ONE,
            caKeys.getPublic(),
            caKeys.getPrivate(),
            now,
            builder -> {
              builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
              builder.addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            });
    tsaCertificate = tsaCertificate(new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping), true);
    TimeStampTokenGenerator tokens =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", tsaKeys.getPrivate(), tsaCertificate),
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier(POLICY));
    tokens.addCertificates(
        new JcaCertStore(List.of(tsaCertificate))); // sent only when the request asks
    tokens.setTSA(new GeneralName(tsaName));
    responses =
        new TimeStampResponseGenerator(
            tokens,
            TSPAlgorithms.ALLOWED,
            Set.of(new ASN1ObjectIdentifier(POLICY), new ASN1ObjectIdentifier(OTHER_POLICY)));

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  static LocalTsa start() throws Exception {
    return new LocalTsa("Local");
  }

  static LocalTsa start(String name) throws Exception {
    return new LocalTsa(name);
  }

  /** On a fixed port, for a server configured before the test starts (the integration tests). */
  public static LocalTsa startOnPort(int port) throws Exception {
    return new LocalTsa("Integration", port);
  }

  /**
   * A certificate for the TSA's key with the TSA certificate's issuer and serial, so tokens name it
   * as signer too, but other extended key usages (none if {@code usage} is null). BC's generator
   * refuses to sign with such a certificate, hence the twin.
   */
  X509Certificate tsaCertificate(ExtendedKeyUsage usage, boolean critical) throws Exception {
    return certificate(
        tsaName,
        caName,
        BigInteger.TWO,
        tsaKeys.getPublic(),
        caKeys.getPrivate(),
        Instant.now(),
        builder -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          if (usage != null) builder.addExtension(Extension.extendedKeyUsage, critical, usage);
        });
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  public static String pem(X509Certificate certificate) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (!"POST".equals(exchange.getRequestMethod())
          || !TsaClient.QUERY_TYPE.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        reply(
            exchange,
            400,
            "text/plain",
            "POST application/timestamp-query only".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      TimeStampRequest request = new TimeStampRequest(body);
      lastRequest = request;
      switch (mode) {
        case ERROR_500 ->
            reply(
                exchange,
                500,
                "text/plain",
                "internal\u0007 error".getBytes(StandardCharsets.ISO_8859_1));
        case GARBAGE ->
            reply(
                exchange,
                200,
                TsaClient.REPLY_TYPE,
                "<html>not a reply</html>".getBytes(StandardCharsets.US_ASCII));
        case HUGE -> reply(exchange, 200, TsaClient.REPLY_TYPE, new byte[200_000]);
        case REDIRECT -> {
          exchange
              .getResponseHeaders()
              .set("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere");
          reply(exchange, 302, "text/plain", new byte[0]);
        }
        case WRONG_CONTENT_TYPE -> reply(exchange, 200, "text/html", grant(request));
        case REJECTION ->
            reply(
                exchange,
                200,
                TsaClient.REPLY_TYPE,
                responses
                    .generateFailResponse(
                        PKIStatus.REJECTION,
                        PKIFailureInfo.systemFailure,
                        "TSA clock not synchronised")
                    .getEncoded());
        case WRONG_NONCE ->
            reply(
                exchange,
                200,
                TsaClient.REPLY_TYPE,
                grant(
                    alter(
                        request,
                        request.getMessageImprintDigest(),
                        request.getNonce().add(BigInteger.ONE))));
        case WRONG_IMPRINT -> {
          byte[] other = request.getMessageImprintDigest();
          other[0] ^= 1;
          reply(
              exchange,
              200,
              TsaClient.REPLY_TYPE,
              grant(alter(request, other, request.getNonce())));
        }
        case SLOW -> {
          Thread.sleep(delayMillis);
          reply(exchange, 200, TsaClient.REPLY_TYPE, grant(request));
        }
        case NORMAL -> reply(exchange, 200, TsaClient.REPLY_TYPE, grant(request));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  /**
   * A token straight from the generator, without HTTP: with {@code certReq} false it carries no
   * certificate.
   */
  byte[] issue(byte[] sha256Digest, boolean certReq) throws Exception {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(certReq);
    TimeStampRequest request =
        generator.generate(TSPAlgorithms.SHA256, sha256Digest, BigInteger.valueOf(7));
    return responses
        .generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date())
        .getTimeStampToken()
        .getEncoded(ASN1Encoding.DER);
  }

  /**
   * BC's generator checks the request (algorithm, policy) and answers granted or rejected
   * accordingly.
   */
  private byte[] grant(TimeStampRequest request) throws Exception {
    return responses
        .generate(request, BigInteger.valueOf(serials.incrementAndGet()), new Date())
        .getEncoded();
  }

  /**
   * The same request with another imprint or nonce: the token then answers a request nobody sent.
   */
  private static TimeStampRequest alter(TimeStampRequest request, byte[] digest, BigInteger nonce) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(request.getCertReq());
    if (request.getReqPolicy() != null) generator.setReqPolicy(request.getReqPolicy());
    return generator.generate(request.getMessageImprintAlgOID(), digest, nonce);
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) exchange.getResponseBody().write(body);
  }

  private interface Extensions {
    void add(X509v3CertificateBuilder builder) throws Exception;
  }

  private static X509Certificate certificate(
      X500Name subject,
      X500Name issuer,
      BigInteger serial,
      PublicKey key,
      PrivateKey signer,
      Instant now,
      Extensions extensions)
      throws Exception {
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            serial,
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(2))),
            subject,
            key);
    extensions.add(builder);
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
  }

  private static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
