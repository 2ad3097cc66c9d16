package org.trialledger.site.domain;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.trialledger.ledger.Hash;
import org.trialledger.site.domain.AdverseEventRecord.Outcome;
import org.trialledger.site.domain.AdverseEventRecord.Relatedness;
import org.trialledger.site.domain.AdverseEventRecord.Severity;
import org.trialledger.site.domain.ResultRecord.ValueType;
import org.trialledger.site.interop.OdmWriter;

/** Test subjects, staff and records; deterministic where a test needs it. */
public final class SiteFixtures {
  public static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  public static final String TRIAL = "TLR-00000572-4";
  public static final String SITE = "site-berlin-01";
  public static final Hash FORM_V1_SHA =
      Hash.sha256("consent form v1".getBytes(StandardCharsets.UTF_8));
  public static final Hash FORM_V2_SHA =
      Hash.sha256("consent form v2".getBytes(StandardCharsets.UTF_8));
  public static final OutcomeMeasure HBA1C = new OutcomeMeasure(1, "Change in HbA1c", true);
  public static final OutcomeMeasure QOL = new OutcomeMeasure(2, "Quality of life (EQ-5D)", false);
  public static final List<OutcomeMeasure> MEASURES = List.of(HBA1C, QOL);

  /** People with distinctive details, so that a leak is easy to find. */
  public static final List<IdentifyingDetails> PEOPLE =
      List.of(
          new IdentifyingDetails(
              "Wilhelmina Quarterstaff", LocalDate.of(1961, 4, 17), "wilhelmina.q@example.org"),
          new IdentifyingDetails(
              "Bartholomew Zyzzyva", LocalDate.of(1978, 11, 2), "+49 30 5550 1234"),
          new IdentifyingDetails(
              "Ængus O'Mc<Hostile>&\"Þórdís\"", LocalDate.of(1990, 1, 31), "aengus@example.net"));

  private SiteFixtures() {}

  /**
   * A small trial's site data for export tests: one subject per person, with a correction and a
   * withdrawal.
   */
  public static OdmWriter.Export export(List<Pseudonym> subjects) {
    List<Enrolment> enrolments = new ArrayList<>();
    List<ConsentRecord> consents = new ArrayList<>();
    List<ResultRecord> results = new ArrayList<>();
    List<AdverseEventRecord> aes = new ArrayList<>();
    Instant t = Instant.parse("2025-01-10T09:00:00Z");
    for (int i = 0; i < subjects.size(); i++) {
      Pseudonym s = subjects.get(i);
      enrolments.add(new Enrolment(s, TRIAL, SITE, t));
      consents.add(
          consent(s, "ICF-v1", FORM_V1_SHA, ConsentRecord.Event.CONSENTED, t.plusSeconds(i)));
      ResultRecord r = result(s, "Week 12", HBA1C, "-0." + (i + 1));
      results.add(r);
      if (i == 0)
        results.add(
            r.correct(
                "-0.9", "%", "Transcription error <from> \"paper\" CRF & co", "emuster", NOW));
      results.add(result(s, "Week 12", QOL, "feels <better> & \"calmer\""));
      aes.add(
          adverseEvent(
              s, "AE-1", i == 0 ? "Headache ]]> <b>bold</b> & 'quoted' \u0001" : "Nausea", i == 1));
    }
    consents.add(
        consent(
            subjects.get(subjects.size() - 1),
            "ICF-v1",
            FORM_V1_SHA,
            ConsentRecord.Event.WITHDRAWN,
            t.plusSeconds(86_400)));
    return new OdmWriter.Export(
        TRIAL,
        "HbA1c <study> & \"friends\"",
        "TL.ODM.1",
        NOW,
        Map.of(SITE, "Charité <Berlin>"),
        enrolments,
        consents,
        results,
        aes,
        MEASURES);
  }

  public static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Ed25519PrivateKeyParameters signingKey() {
    return new Ed25519PrivateKeyParameters(seeded(7));
  }

  public static Manifestation manifestation(String signer, Instant at, SignatureMeaning meaning) {
    return new Manifestation(signer, "Dr. Erika Mustermann", at, meaning);
  }

  public static ConsentRecord consent(
      Pseudonym subject, String formId, Hash formSha, ConsentRecord.Event event, Instant at) {
    return new ConsentRecord(
        TRIAL,
        SITE,
        subject,
        formId,
        formSha,
        event,
        at,
        "emuster",
        manifestation("emuster", at.plusSeconds(60), SignatureMeaning.CONSENT_OBTAINED));
  }

  public static ResultRecord result(
      Pseudonym subject, String visit, OutcomeMeasure measure, String value) {
    return ResultRecord.first(
        TRIAL,
        SITE,
        subject,
        visit,
        LocalDate.of(2025, 2, 1),
        measure,
        measure == QOL ? ValueType.TEXT : ValueType.NUMBER,
        value,
        measure == QOL ? null : "%",
        "emuster",
        Instant.parse("2025-02-01T10:00:00Z"));
  }

  public static AdverseEventRecord adverseEvent(
      Pseudonym subject, String eventId, String term, boolean serious) {
    return new AdverseEventRecord(
        TRIAL,
        SITE,
        subject,
        eventId,
        term,
        serious,
        Severity.MODERATE,
        LocalDate.of(2025, 1, 20),
        null,
        Outcome.RECOVERING_RESOLVING,
        Relatedness.POSSIBLY_RELATED,
        1,
        null,
        "emuster",
        Instant.parse("2025-01-21T08:00:00Z"));
  }
}
