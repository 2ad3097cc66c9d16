package org.trialledger.anchoring.tsa;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * An RFC 3161 timestamp token as stored: {@link #encoded()} is the DER of the token (a CMS
 * ContentInfo holding SignedData over a TSTInfo) and is all that needs keeping; the other fields
 * are read from it for display. {@code openssl ts -verify -token_in} reads the stored bytes as they
 * are.
 */
public final class TimestampToken {
  private final byte[] encoded;
  private final Instant genTime;
  private final BigInteger serialNumber;
  private final Optional<String> tsaName;
  private final String policy;

  private TimestampToken(byte[] encoded, TimeStampTokenInfo info) {
    this.encoded = encoded;
    this.genTime = info.getGenTime().toInstant();
    this.serialNumber = info.getSerialNumber();
    this.tsaName = Optional.ofNullable(info.getTsa()).map(TimestampToken::describe);
    this.policy = info.getPolicy().getId();
  }

  static TimestampToken of(TimeStampToken token) throws IOException {
    return new TimestampToken(token.getEncoded(ASN1Encoding.DER), token.getTimeStampInfo());
  }

  /** The DER bytes to store. */
  public byte[] encoded() {
    return encoded.clone();
  }

  /**
   * The TSA's time; trustworthy only once {@link TimestampTokenVerifier} has accepted the token.
   */
  public Instant genTime() {
    return genTime;
  }

  /** Unique per TSA (RFC 3161 §2.4.2): with the TSA's name it identifies the token. */
  public BigInteger serialNumber() {
    return serialNumber;
  }

  /** The name the TSA gives itself in the TSTInfo, if it gives one. */
  public Optional<String> tsaName() {
    return tsaName;
  }

  /** The OID of the TSA policy the token was issued under. */
  public String policy() {
    return policy;
  }

  private static String describe(GeneralName name) {
    return name.getTagNo() == GeneralName.directoryName
        ? X500Name.getInstance(name.getName()).toString()
        : name.getName().toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimestampToken t && Arrays.equals(encoded, t.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "TimestampToken[genTime="
        + genTime
        + ", serial="
        + serialNumber
        + ", tsa="
        + tsaName.orElse("-")
        + ", policy="
        + policy
        + "]";
  }
}
