package org.trialledger.anchoring.tsa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.trialledger.anchoring.tsa.TokenVerificationException.Step;

/**
 * Verifies a stored RFC 3161 token against a SHA-256 digest and a trusted certificate: either the
 * TSA's own (pinned) or a CA the TSA's certificate chains to, through intermediates from the token
 * or the configuration. Offline: no revocation check; the chain is validated at the token's
 * genTime, so a TSA certificate that has since expired still vouches for the tokens it signed while
 * valid.
 */
public final class TimestampTokenVerifier {
  private final X509Certificate trusted;
  private final List<X509Certificate> intermediates;

  public TimestampTokenVerifier(X509Certificate trusted, List<X509Certificate> intermediates) {
    this.trusted = trusted;
    this.intermediates = List.copyOf(intermediates);
  }

  /**
   * From PEM or DER certificates: the first is the trusted one, any further ones are intermediates.
   */
  public static TimestampTokenVerifier fromCertificates(byte[] pemOrDer)
      throws CertificateException {
    List<X509Certificate> certificates = readCertificates(pemOrDer);
    if (certificates.isEmpty()) throw new CertificateException("no certificate found");
    return new TimestampTokenVerifier(
        certificates.get(0), certificates.subList(1, certificates.size()));
  }

  /** X.509 certificates in PEM (one or more blocks) or DER. */
  public static List<X509Certificate> readCertificates(byte[] pemOrDer)
      throws CertificateException {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (var c : factory.generateCertificates(new ByteArrayInputStream(pemOrDer)))
      out.add((X509Certificate) c);
    return out;
  }

  /** Accepts the token only if every check holds; its genTime is then the TSA's attested time. */
  public TimestampToken verify(byte[] token, byte[] sha256Digest)
      throws TokenVerificationException {
    if (sha256Digest.length != 32)
      throw new IllegalArgumentException("a SHA-256 digest is 32 bytes");
    Step step = Step.PARSE;
    try {
      TimeStampToken parsed = parse(token);
      step = Step.SIGNER_CERTIFICATE;
      X509CertificateHolder signer = signerCertificate(parsed);
      step = Step.EXTENDED_KEY_USAGE;
      checkExtendedKeyUsage(signer);
      step = Step.SIGNATURE;
      checkSignature(parsed, signer);
      step = Step.TRUST;
      TimeStampTokenInfo info = parsed.getTimeStampInfo();
      checkTrust(parsed, signer, info.getGenTime());
      step = Step.IMPRINT;
      if (!info.getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)) {
        throw new TokenVerificationException(
            step, "imprint is not SHA-256 but " + info.getMessageImprintAlgOID());
      }
      if (!MessageDigest.isEqual(info.getMessageImprintDigest(), sha256Digest)) {
        throw new TokenVerificationException(step, "the token timestamps another digest");
      }
      return TimestampToken.of(parsed);
    } catch (IOException | RuntimeException e) {
      // BC decodes parts of a token lazily and reports damage there with unchecked exceptions.
      throw new TokenVerificationException(step, "malformed token: " + e.getMessage(), e);
    }
  }

  private static TimeStampToken parse(byte[] token) throws TokenVerificationException {
    try {
      // fromByteArray rejects trailing bytes; stored tokens are DER, so anything else has been
      // altered.
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(token);
      if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), token)) {
        throw new TokenVerificationException(Step.PARSE, "not DER");
      }
      ContentInfo contentInfo = ContentInfo.getInstance(primitive);
      checkEnvelope(contentInfo);
      return new TimeStampToken(contentInfo);
    } catch (TokenVerificationException e) {
      throw e;
    } catch (Exception e) { // BC reports malformed input with several checked and unchecked types
      throw new TokenVerificationException(
          Step.PARSE, "not a timestamp token: " + e.getMessage(), e);
    }
  }

  /**
   * The unsigned CMS fields BC does not look at: without these checks they could be altered in a
   * stored token and it would still verify (found by flipping every bit of one).
   */
  private static void checkEnvelope(ContentInfo contentInfo) throws TokenVerificationException {
    if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())) {
      throw new TokenVerificationException(Step.PARSE, "content type is not signedData");
    }
    SignedData signedData = SignedData.getInstance(contentInfo.getContent());
    if (signedData.getVersion().intValueExact() != 3 || signedData.getSignerInfos().size() != 1) {
      throw new TokenVerificationException(
          Step.PARSE, "not a version 3 SignedData with one signer"); // RFC 5652 §5.1
    }
    SignerInfo signer = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
    int expectedVersion =
        signer.getSID().isTagged() ? 3 : 1; // subjectKeyIdentifier : issuerAndSerialNumber
    if (signer.getVersion().intValueExact() != expectedVersion) {
      throw new TokenVerificationException(
          Step.PARSE, "SignerInfo version does not match its signer identifier");
    }
    // Parameters absent or NULL both occur for SHA-2 (RFC 5754 §2); anything else there is an
    // alteration.
    var digestAlgorithms = signedData.getDigestAlgorithms();
    ASN1ObjectIdentifier digest = signer.getDigestAlgorithm().getAlgorithm();
    for (var a : digestAlgorithms) {
      AlgorithmIdentifier algorithm = AlgorithmIdentifier.getInstance(a);
      var parameters = algorithm.getParameters();
      if (!algorithm.getAlgorithm().equals(digest)
          || (parameters != null && !DERNull.INSTANCE.equals(parameters))) {
        throw new TokenVerificationException(
            Step.PARSE, "digestAlgorithms holds more than the signer's digest algorithm");
      }
    }
    if (digestAlgorithms.size() != 1) {
      throw new TokenVerificationException(
          Step.PARSE, "digestAlgorithms does not hold the signer's digest algorithm");
    }
  }

  /** The certificate the SignerInfo names: the token's own copy first, else a configured one. */
  private X509CertificateHolder signerCertificate(TimeStampToken token)
      throws TokenVerificationException {
    SignerId sid = token.getSID();
    Optional<X509CertificateHolder> embedded =
        token.getCertificates().getMatches(sid).stream().findFirst();
    if (embedded.isPresent()) return embedded.get();
    List<X509Certificate> configured = new ArrayList<>(intermediates);
    configured.add(0, trusted);
    for (X509Certificate c : configured) {
      try {
        X509CertificateHolder holder = new JcaX509CertificateHolder(c);
        if (sid.match(holder)) return holder;
      } catch (CertificateException e) {
        throw new TokenVerificationException(
            Step.SIGNER_CERTIFICATE, "unreadable configured certificate", e);
      }
    }
    throw new TokenVerificationException(
        Step.SIGNER_CERTIFICATE,
        "no certificate for signer " + sid.getIssuer() + " #" + sid.getSerialNumber());
  }

  /** RFC 3161 §2.3: exactly one extended key usage, timeStamping, and the extension critical. */
  private static void checkExtendedKeyUsage(X509CertificateHolder signer)
      throws TokenVerificationException {
    Extension extension = signer.getExtension(Extension.extendedKeyUsage);
    if (extension == null) {
      throw new TokenVerificationException(
          Step.EXTENDED_KEY_USAGE, "signer certificate has no extended key usage");
    }
    if (!extension.isCritical()) {
      throw new TokenVerificationException(
          Step.EXTENDED_KEY_USAGE, "extended key usage is not critical");
    }
    KeyPurposeId[] usages = ExtendedKeyUsage.getInstance(extension.getParsedValue()).getUsages();
    if (usages.length != 1 || !usages[0].equals(KeyPurposeId.id_kp_timeStamping)) {
      throw new TokenVerificationException(
          Step.EXTENDED_KEY_USAGE, "extended key usage is not timeStamping alone");
    }
  }

  /**
   * BC checks the signature, the signed hash of the signer's certificate, and its validity at
   * genTime.
   */
  private static void checkSignature(TimeStampToken token, X509CertificateHolder signer)
      throws TokenVerificationException {
    try {
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
    } catch (Exception e) {
      throw new TokenVerificationException(Step.SIGNATURE, String.valueOf(e.getMessage()), e);
    }
  }

  private void checkTrust(TimeStampToken token, X509CertificateHolder signerHolder, Date genTime)
      throws TokenVerificationException {
    try {
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
      X509Certificate signer = converter.getCertificate(signerHolder);
      if (signer.equals(trusted)) return;
      List<X509Certificate> pool = new ArrayList<>(intermediates);
      for (X509CertificateHolder h : token.getCertificates().getMatches(null))
        pool.add(converter.getCertificate(h));
      pool.add(signer);
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(signer);
      PKIXBuilderParameters parameters =
          new PKIXBuilderParameters(Set.of(new TrustAnchor(trusted, null)), target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(genTime);
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
    } catch (GeneralSecurityException e) {
      throw new TokenVerificationException(
          Step.TRUST,
          "signer "
              + signerHolder.getSubject()
              + " does not chain to "
              + trusted.getSubjectX500Principal()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
