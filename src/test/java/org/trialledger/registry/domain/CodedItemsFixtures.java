package org.trialledger.registry.domain;

import java.util.List;
import org.trialledger.registry.domain.RegistrationRecord.Arm;
import org.trialledger.registry.domain.RegistrationRecord.Intervention;
import org.trialledger.registry.domain.RegistrationRecord.Location;
import org.trialledger.registry.domain.RegistrationRecord.StudyDesign;

/** Records with coded items as people typed them before those items were choices. */
public final class CodedItemsFixtures {
  private CodedItemsFixtures() {}

  /** A record as typed when coded items were free text. */
  public static RegistrationRecord typedAsText() {
    RegistrationRecord r = RegistryFixtures.completeRecord();
    return new RegistrationRecord(
        r.schema(),
        r.secondaryIds(),
        r.fundingSources(),
        r.primarySponsor(),
        r.secondarySponsors(),
        r.publicContact(),
        r.scientificContact(),
        r.publicTitle(),
        r.scientificTitle(),
        r.acronym(),
        r.countries(),
        r.conditions(),
        List.of(new Intervention("Drug", "Apixaban", null)),
        r.eligibility(),
        new StudyDesign(
            r.design().studyType(),
            "Randomised",
            "parallel",
            "blinded assessor",
            "TREATMENT",
            List.of("Phase 2/Phase 3")),
        r.firstEnrolment(),
        r.enrolment(),
        r.recruitmentStatus(),
        r.primaryOutcomes(),
        r.secondaryOutcomes(),
        r.ethicsReview(),
        r.primaryCompletion(),
        r.completion(),
        r.summaryResults(),
        r.ipdSharing(),
        r.briefSummary(),
        r.detailedDescription(),
        List.of(new Arm("A", "Placebo Comparator", null, List.of())),
        List.of(new Location("Charité", "Berlin", "DE", "recruiting")));
  }
}
