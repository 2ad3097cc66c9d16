package org.trialledger.anchoring.ots;

import static org.trialledger.anchoring.ots.OtsFormatException.Reason.BAD_ATTESTATION_PAYLOAD;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.INVALID_PENDING_URI;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.LENGTH_OUT_OF_RANGE;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.TRAILING_BYTES;
import static org.trialledger.anchoring.ots.OtsFormatException.Reason.TRUNCATED;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads and writes attestations (after their 0x00 branch marker), as the reference's {@code
 * notary.py}.
 */
final class Attestations {
  private Attestations() {}

  static boolean isKnownTag(byte[] tag) {
    return Arrays.equals(tag, PendingAttestation.TAG)
        || Arrays.equals(tag, BitcoinAttestation.TAG)
        || Arrays.equals(tag, LitecoinAttestation.TAG)
        || Arrays.equals(tag, EthereumAttestation.TAG);
  }

  static void write(Attestation a, ByteWriter w) {
    w.writeBytes(a.tag()).writeVarbytes(a.payload());
  }

  static Attestation read(ByteReader in) throws OtsFormatException {
    int start = in.position();
    byte[] tag = in.readBytes(Attestation.TAG_SIZE);
    byte[] payload = in.readVarbytes(0, Attestation.MAX_PAYLOAD_SIZE);
    if (!isKnownTag(tag)) return new UnknownAttestation(tag, payload);
    try {
      return readKnown(tag, new ByteReader(payload, in.minimalOnly()));
    } catch (OtsFormatException e) {
      // Offsets inside the payload mean little to a reader of the whole proof; report the
      // attestation's start.
      OtsFormatException.Reason r =
          e.reason() == TRUNCATED || e.reason() == TRAILING_BYTES
              ? BAD_ATTESTATION_PAYLOAD
              : e.reason();
      throw new OtsFormatException(r, start, e.getMessage());
    }
  }

  private static Attestation readKnown(byte[] tag, ByteReader p) throws OtsFormatException {
    Attestation a;
    if (Arrays.equals(tag, PendingAttestation.TAG)) {
      a = new PendingAttestation(readUri(p));
    } else if (Arrays.equals(tag, BitcoinAttestation.TAG)) {
      a = new BitcoinAttestation(p.readVaruint());
    } else if (Arrays.equals(tag, LitecoinAttestation.TAG)) {
      a = new LitecoinAttestation(p.readVaruint());
    } else {
      a = new EthereumAttestation(p.readVaruint());
    }
    // The reference: "if attestations want to have unspecified fields ... they should do so
    // explicitly".
    p.requireEnd();
    return a;
  }

  private static String readUri(ByteReader p) throws OtsFormatException {
    byte[] uri;
    try {
      uri = p.readVarbytes(0, PendingAttestation.MAX_URI_LENGTH);
    } catch (OtsFormatException e) {
      if (e.reason() == LENGTH_OUT_OF_RANGE)
        throw p.fail(INVALID_PENDING_URI, "URI longer than 1000 bytes");
      throw e;
    }
    String problem = PendingAttestation.uriProblem(uri);
    if (problem != null) throw p.fail(INVALID_PENDING_URI, problem);
    return new String(uri, StandardCharsets.US_ASCII);
  }
}
