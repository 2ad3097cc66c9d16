package org.trialledger.site.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trialledger.site.domain.SiteStateReplay.Finding;
import org.trialledger.site.domain.SiteStateReplay.Step;
import org.trialledger.site.domain.SiteStateReplay.StoredActivation;
import org.trialledger.site.domain.SiteStateReplay.StoredRecord;
import org.trialledger.site.domain.SiteStateReplay.StoredSubject;
import org.trialledger.site.domain.SiteStateReplay.Transition;

class SiteStateReplayTest {
  private static final String T = "TLR-00000572-4";
  private static final long SITE = 5;
  private static final String NAME = "St. Mary's Hospital Research Unit";
  private final SecureRandom random = SiteFixtures.seeded(11);
  private final String alice = Pseudonym.issue(random).value();
  private final String bob = Pseudonym.issue(random).value();

  private List<Transition> log() {
    return new ArrayList<>(
        List.of(
            new Transition(
                1, T, Step.SITE_ACTIVATED, 2L, SiteStateReplay.activationText(NAME, "Dr. A"), null),
            new Transition(2, T, Step.SUBJECT_ENROLLED, SITE, "subject " + alice, null),
            new Transition(3, T, Step.SUBJECT_ENROLLED, SITE, "subject " + bob, null)));
  }

  private static List<StoredActivation> activations() {
    return List.of(new StoredActivation(T, SITE, NAME, "Dr. A"));
  }

  private List<StoredSubject> subjects(String aliceErasedAt) {
    return List.of(
        new StoredSubject(10, T, SITE, alice, aliceErasedAt, false),
        new StoredSubject(11, T, SITE, bob, null, false));
  }

  private static String json(String subject, String eventId) {
    return "{\"eventId\":\""
        + eventId
        + "\",\"schema\":\""
        + AdverseEventRecord.SCHEMA
        + "\",\"siteId\":\"SITE-"
        + SITE
        + "\",\"subject\":\""
        + subject
        + "\",\"trialId\":\""
        + T
        + "\",\"version\":1}";
  }

  private List<StoredRecord> records() {
    return List.of(
        new StoredRecord(20, "ADVERSE_EVENT", "AE-1", 1, 10, json(alice, "AE-1")),
        new StoredRecord(21, "ADVERSE_EVENT", "AE-2", 1, 11, json(bob, "AE-2")));
  }

  @Test
  void honestTablesAgreeWithTheLog() {
    assertEquals(
        List.of(), SiteStateReplay.compare(log(), activations(), subjects(null), records()));
  }

  @Test
  void anAdverseEventMovedToAnotherSubjectIsNamed() {
    List<StoredRecord> moved =
        List.of(
            new StoredRecord(20, "ADVERSE_EVENT", "AE-1", 1, 11, json(alice, "AE-1")),
            new StoredRecord(21, "ADVERSE_EVENT", "AE-2", 1, 11, json(bob, "AE-2")));
    assertEquals(
        List.of(
            new Finding(
                false,
                "site record 20 (ADVERSE_EVENT AE-1)",
                "subject_id",
                "subject " + alice + " (named in the record's committed JSON)",
                "subject " + bob)),
        SiteStateReplay.compare(log(), activations(), subjects(null), moved));
  }

  @Test
  void aForgedActivationAndAVanishedOneAreNamed() {
    List<StoredActivation> forged =
        List.of(
            new StoredActivation(T, SITE, NAME, "Dr. A"),
            new StoredActivation(T, 6, "Nordic Clinical Research Centre", "Dr. B"));
    assertEquals(
        List.of(
            new Finding(
                false,
                "site Nordic Clinical Research Centre (organisation 6) for trial " + T,
                "site_activation",
                "no activation (the log never activated it)",
                "activated")),
        SiteStateReplay.compare(log(), forged, subjects(null), records()));
    assertEquals(
        List.of(
            new Finding(
                false,
                "activation \"" + NAME + " (PI Dr. A)\" for trial " + T,
                "site_activation",
                "activated (audit record 1)",
                "none")),
        SiteStateReplay.compare(log(), List.of(), subjects(null), records()));
    assertEquals(
        "principal_investigator",
        SiteStateReplay.compare(
                log(),
                List.of(new StoredActivation(T, SITE, NAME, "Dr. Someone Else")),
                subjects(null),
                records())
            .get(0)
            .field());
  }

  @Test
  void anErasureNeedsItsRequestInTheLog() {
    List<Finding> fake =
        SiteStateReplay.compare(log(), activations(), subjects("2026-11-28T07:00:00Z"), records());
    assertEquals(
        List.of(
            new Finding(
                true,
                "subject " + alice + " (id 10)",
                "erased_at",
                "an erasure request in the log (the administrator's audit record with its reference)",
                "erased at 2026-11-28T07:00:00Z without one")),
        fake);
    List<Transition> requested = log();
    // typed in lower case by the administrator: the same subject
    requested.add(
        new Transition(
            4, T, Step.SUBJECT_ERASED, 1L, "subject " + alice.toLowerCase(), "ref ER-7"));
    assertEquals(
        List.of(),
        SiteStateReplay.compare(
            requested, activations(), subjects("2026-11-28T07:00:00Z"), records()));
    List<Transition> noReference = log();
    noReference.add(new Transition(4, T, Step.SUBJECT_ERASED, 1L, "subject " + alice, " "));
    assertEquals(
        1,
        SiteStateReplay.compare(
                noReference, activations(), subjects("2026-11-28T07:00:00Z"), records())
            .size(),
        "an erasure without a request reference is not a request");
    assertEquals(
        List.of(
            new Finding(
                false,
                "subject " + alice + " (id 10)",
                "erased_at",
                "erased (audit record 4)",
                "not erased")),
        SiteStateReplay.compare(requested, activations(), subjects(null), records()));
  }

  @Test
  void aSubjectTheLogNeverEnrolledOrEnrolledElsewhereIsNamed() {
    String carol = Pseudonym.issue(random).value();
    List<StoredSubject> withStranger = new ArrayList<>(subjects(null));
    withStranger.add(new StoredSubject(12, T, SITE, carol, null, false));
    assertEquals(
        List.of(
            new Finding(
                false,
                "subject " + carol + " (id 12)",
                "row",
                "no subject (the log never enrolled it)",
                "enrolled in trial " + T)),
        SiteStateReplay.compare(log(), activations(), withStranger, records()));
    List<StoredSubject> moved =
        List.of(
            new StoredSubject(10, T, 6, alice, null, false),
            new StoredSubject(11, T, SITE, bob, null, false));
    List<Finding> found = SiteStateReplay.compare(log(), activations(), moved, records());
    assertEquals("site_organisation_id", found.get(0).field(), found.toString());
    assertEquals("5 (audit record 2)", found.get(0).expected());
    assertEquals("site", found.get(1).field(), "the record names the site it was entered at");
  }

  @Test
  void erasedRecordsAreLeftToTheContentPhase() {
    List<StoredRecord> blanked =
        List.of(
            new StoredRecord(20, "ADVERSE_EVENT", "AE-1", 1, 11, null),
            new StoredRecord(21, "ADVERSE_EVENT", "AE-2", 1, 11, json(bob, "AE-2")));
    assertEquals(List.of(), SiteStateReplay.compare(log(), activations(), subjects(null), blanked));
  }

  @Test
  void aRecordFiledUnderAnotherKeyOrVersionIsNamed() {
    List<StoredRecord> refiled =
        List.of(
            new StoredRecord(20, "ADVERSE_EVENT", "AE-1", 2, 10, json(alice, "AE-1")),
            new StoredRecord(21, "ADVERSE_EVENT", "AE-1", 1, 11, json(bob, "AE-2")),
            new StoredRecord(22, "RESULT", "AE-3", 1, 11, json(bob, "AE-3")));
    assertEquals(
        List.of(
            new Finding(
                false,
                "site record 20 (ADVERSE_EVENT AE-1)",
                "version",
                "1 (named in the record's committed JSON)",
                "2"),
            new Finding(
                false,
                "site record 21 (ADVERSE_EVENT AE-1)",
                "record_key",
                "AE-2 (named in the record's committed JSON)",
                "AE-1"),
            new Finding(
                false,
                "site record 22 (RESULT AE-3)",
                "kind",
                "ADVERSE_EVENT (named in the record's committed JSON)",
                "RESULT")),
        SiteStateReplay.compare(log(), activations(), subjects(null), refiled));
  }

  @Test
  void anErasureThatKeptTheSealedDetailsIsNamed() {
    List<Transition> requested = log();
    requested.add(new Transition(4, T, Step.SUBJECT_ERASED, 1L, "subject " + alice, "ref ER-7"));
    List<StoredSubject> kept =
        List.of(
            new StoredSubject(10, T, SITE, alice, "2026-11-28T07:00:00Z", true),
            new StoredSubject(11, T, SITE, bob, null, true));
    assertEquals(
        List.of(
            new Finding(
                false,
                "subject " + alice + " (id 10)",
                "sealed_details",
                "destroyed by the erasure (audit record 4)",
                "still stored")),
        SiteStateReplay.compare(requested, activations(), kept, records()));
  }
}
