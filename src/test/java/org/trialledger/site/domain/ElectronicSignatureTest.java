package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialledger.site.domain.SiteFixtures.FORM_V1_SHA;
import static org.trialledger.site.domain.SiteFixtures.FORM_V2_SHA;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.site.domain.ConsentRecord.Event;

class ElectronicSignatureTest {
  private final Ed25519PrivateKeyParameters key = SiteFixtures.signingKey();
  private final Ed25519PublicKeyParameters publicKey = key.generatePublicKey();
  private final Pseudonym subject = Pseudonym.issue(SiteFixtures.seeded(3));
  private final ConsentRecord record =
      SiteFixtures.consent(
          subject, "ICF-v1", FORM_V1_SHA, Event.CONSENTED, Instant.parse("2025-03-01T09:00:00Z"));
  private final ElectronicSignature signature =
      ElectronicSignature.sign(record, record.signature(), key);

  @Test
  void verifiesTheSignedRecord() {
    assertTrue(ElectronicSignature.verify(record, signature, publicKey));
    assertTrue(
        ElectronicSignature.verify(
            ConsentRecord.fromJson(JsonParser.parse(CanonicalJson.write(record.toJson()))),
            signature,
            publicKey));
  }

  @Test
  void failsAfterAnyFieldOfTheRecordChanges() {
    List<ConsentRecord> edits =
        List.of(
            new ConsentRecord(
                "TLR-00000042-3",
                record.siteId(),
                record.subject(),
                record.consentFormVersionId(),
                record.consentFormSha256(),
                record.event(),
                record.occurredAt(),
                record.obtainedBy(),
                record.signature()),
            new ConsentRecord(
                record.trialId(),
                "site-other",
                record.subject(),
                record.consentFormVersionId(),
                record.consentFormSha256(),
                record.event(),
                record.occurredAt(),
                record.obtainedBy(),
                record.signature()),
            new ConsentRecord(
                record.trialId(),
                record.siteId(),
                Pseudonym.issue(SiteFixtures.seeded(4)),
                record.consentFormVersionId(),
                record.consentFormSha256(),
                record.event(),
                record.occurredAt(),
                record.obtainedBy(),
                record.signature()),
            new ConsentRecord(
                record.trialId(),
                record.siteId(),
                record.subject(),
                "ICF-v2",
                record.consentFormSha256(),
                record.event(),
                record.occurredAt(),
                record.obtainedBy(),
                record.signature()),
            new ConsentRecord(
                record.trialId(),
                record.siteId(),
                record.subject(),
                record.consentFormVersionId(),
                FORM_V2_SHA,
                record.event(),
                record.occurredAt(),
                record.obtainedBy(),
                record.signature()),
            new ConsentRecord(
                record.trialId(),
                record.siteId(),
                record.subject(),
                record.consentFormVersionId(),
                record.consentFormSha256(),
                Event.WITHDRAWN,
                record.occurredAt(),
                record.obtainedBy(),
                record.signature()),
            new ConsentRecord(
                record.trialId(),
                record.siteId(),
                record.subject(),
                record.consentFormVersionId(),
                record.consentFormSha256(),
                record.event(),
                record.occurredAt().plusSeconds(1),
                record.obtainedBy(),
                record.signature()),
            new ConsentRecord(
                record.trialId(),
                record.siteId(),
                record.subject(),
                record.consentFormVersionId(),
                record.consentFormSha256(),
                record.event(),
                record.occurredAt(),
                "someone",
                record.signature()));
    for (ConsentRecord edited : edits)
      assertFalse(ElectronicSignature.verify(edited, signature, publicKey), edited.toString());
  }

  @Test
  void failsWhenTheStoredJsonIsEditedBySql() {
    @SuppressWarnings("unchecked")
    Map<String, Object> stored =
        (Map<String, Object>) JsonParser.parse(CanonicalJson.write(record.toJson()));
    stored.put("consentFormVersionId", "ICF-v0");
    assertFalse(ElectronicSignature.verify(ConsentRecord.fromJson(stored), signature, publicKey));
  }

  @Test
  void failsAfterAnyFieldOfTheManifestationChanges() {
    Manifestation m = signature.manifestation();
    List<Manifestation> edits =
        List.of(
            new Manifestation("someone", m.printedName(), m.signedAt(), m.meaning()),
            new Manifestation(m.signer(), "Dr. Someone Else", m.signedAt(), m.meaning()),
            new Manifestation(
                m.signer(), m.printedName(), m.signedAt().plusSeconds(1), m.meaning()),
            new Manifestation(
                m.signer(), m.printedName(), m.signedAt(), SignatureMeaning.APPROVAL));
    for (Manifestation edited : edits) {
      var forged = new ElectronicSignature(signature.recordHash(), edited, signature.signature());
      assertFalse(ElectronicSignature.verify(record, forged, publicKey), edited.toString());
      // Even a record re-made to carry the edited manifestation fails: the signature bytes no
      // longer match.
      var remade =
          new ConsentRecord(
              record.trialId(),
              record.siteId(),
              record.subject(),
              record.consentFormVersionId(),
              record.consentFormSha256(),
              record.event(),
              record.occurredAt(),
              record.obtainedBy(),
              edited);
      assertFalse(
          ElectronicSignature.verify(
              remade,
              new ElectronicSignature(remade.contentHash(), edited, signature.signature()),
              publicKey));
    }
  }

  @Test
  void failsWithAnotherKeyOrAFlippedBitOrOnAnotherRecord() {
    assertFalse(
        ElectronicSignature.verify(
            record,
            signature,
            new Ed25519PrivateKeyParameters(SiteFixtures.seeded(8)).generatePublicKey()));
    byte[] bits = signature.signature();
    bits[10] ^= 1;
    assertFalse(
        ElectronicSignature.verify(
            record,
            new ElectronicSignature(signature.recordHash(), signature.manifestation(), bits),
            publicKey));
    ResultRecord other = SiteFixtures.result(subject, "Week 12", SiteFixtures.HBA1C, "-0.8");
    assertFalse(
        ElectronicSignature.verify(other, signature, publicKey),
        "a signature cannot be moved to another record");
  }

  @Test
  void signsResultsToo() {
    ResultRecord result = SiteFixtures.result(subject, "Week 12", SiteFixtures.HBA1C, "-0.8");
    Manifestation m =
        SiteFixtures.manifestation("emuster", SiteFixtures.NOW, SignatureMeaning.AUTHOR);
    ElectronicSignature s = ElectronicSignature.sign(result, m, key);
    assertTrue(ElectronicSignature.verify(result, s, publicKey));
    assertFalse(
        ElectronicSignature.verify(
            result.correct("-0.9", "%", "Transcription error", "emuster", SiteFixtures.NOW),
            s,
            publicKey));
  }

  @Test
  void refusesAnIncompleteManifestation() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ElectronicSignature.sign(
                record,
                new Manifestation("emuster", null, SiteFixtures.NOW, SignatureMeaning.AUTHOR),
                key));
  }
}
