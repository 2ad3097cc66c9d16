package org.trialledger.registry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trialledger.registry.domain.TrialStateReplay.Mismatch;
import org.trialledger.registry.domain.TrialStateReplay.Step;
import org.trialledger.registry.domain.TrialStateReplay.StoredTrial;
import org.trialledger.registry.domain.TrialStateReplay.Transition;

class TrialStateReplayTest {
  private static final String T = "TLR-00000007-4";

  /** Created, v1 published, v2 submitted and published: the honest tables. */
  private static List<Transition> twoPublishedVersions() {
    return List.of(
        step(1, Step.TRIAL_CREATED, null),
        step(2, Step.VERSION_SUBMITTED, 1),
        step(3, Step.VERSION_PUBLISHED, 1),
        step(4, Step.VERSION_SUBMITTED, 2),
        step(5, Step.VERSION_PUBLISHED, 2));
  }

  private static StoredTrial honest() {
    return new StoredTrial(
        T,
        TrialStatus.PUBLISHED,
        2,
        false,
        null,
        versions(VersionState.PUBLISHED, VersionState.PUBLISHED));
  }

  @Test
  void honestTablesAgreeWithTheLog() {
    assertEquals(List.of(), TrialStateReplay.compare(twoPublishedVersions(), List.of(honest())));
  }

  @Test
  void aPublishedVersionSetBackIsNamedWithItsEvidence() {
    StoredTrial setBack =
        new StoredTrial(
            T,
            TrialStatus.PUBLISHED,
            1,
            false,
            null,
            versions(VersionState.PUBLISHED, VersionState.PUBLISHED));
    assertEquals(
        List.of(new Mismatch("trial " + T, "published_version", "2 (audit record 5)", "1")),
        TrialStateReplay.compare(twoPublishedVersions(), List.of(setBack)));
  }

  @Test
  void aForgedWithdrawalIsNamedOnStatusAndWithdrawal() {
    StoredTrial forged =
        new StoredTrial(
            T,
            TrialStatus.WITHDRAWN,
            2,
            true,
            "forged",
            versions(VersionState.PUBLISHED, VersionState.PUBLISHED));
    List<Mismatch> found = TrialStateReplay.compare(twoPublishedVersions(), List.of(forged));
    assertEquals(
        List.of(
            new Mismatch("trial " + T, "status", "PUBLISHED (audit record 5)", "WITHDRAWN"),
            new Mismatch("trial " + T, "withdrawn_at", "none (never withdrawn)", "a withdrawal")),
        found);
  }

  @Test
  void aRealWithdrawalAgreesAndItsReasonMustBeTheRecordedOne() {
    List<Transition> log = new ArrayList<>(twoPublishedVersions());
    log.add(new Transition(6, T, Step.TRIAL_WITHDRAWN, null, "Sponsor stopped the programme"));
    StoredTrial withdrawn =
        new StoredTrial(
            T,
            TrialStatus.WITHDRAWN,
            2,
            true,
            "Sponsor stopped the programme",
            versions(VersionState.PUBLISHED, VersionState.PUBLISHED));
    assertEquals(List.of(), TrialStateReplay.compare(log, List.of(withdrawn)));
    StoredTrial reworded =
        new StoredTrial(
            T,
            TrialStatus.WITHDRAWN,
            2,
            true,
            "Safety concerns",
            versions(VersionState.PUBLISHED, VersionState.PUBLISHED));
    assertEquals(
        List.of(
            new Mismatch(
                "trial " + T,
                "withdrawal_reason",
                "\"Sponsor stopped the programme\" (audit record 6)",
                "\"Safety concerns\"")),
        TrialStateReplay.compare(log, List.of(reworded)));
    StoredTrial unwithdrawn = honest();
    assertEquals(
        List.of(
            new Mismatch("trial " + T, "status", "WITHDRAWN (audit record 6)", "PUBLISHED"),
            new Mismatch("trial " + T, "withdrawn_at", "a withdrawal (audit record 6)", "none")),
        TrialStateReplay.compare(log, List.of(unwithdrawn)));
  }

  @Test
  void versionStatesFollowSubmissionReturnAndPublication() {
    List<Transition> log =
        List.of(
            step(1, Step.TRIAL_CREATED, null),
            step(2, Step.VERSION_SUBMITTED, 1),
            step(3, Step.VERSION_RETURNED, 1),
            step(4, Step.VERSION_SUBMITTED, 2));
    StoredTrial underReview =
        new StoredTrial(
            T,
            TrialStatus.DRAFT,
            null,
            false,
            null,
            versions(VersionState.RETURNED, VersionState.SUBMITTED));
    assertEquals(List.of(), TrialStateReplay.compare(log, List.of(underReview)));
    StoredTrial forgedPublication =
        new StoredTrial(
            T,
            TrialStatus.PUBLISHED,
            1,
            false,
            null,
            versions(VersionState.PUBLISHED, VersionState.SUBMITTED));
    assertEquals(
        List.of(
            new Mismatch("trial " + T, "status", "DRAFT", "PUBLISHED"),
            new Mismatch("trial " + T, "published_version", "none (no version was published)", "1"),
            new Mismatch(
                "trial " + T + " version 1", "state", "RETURNED (audit record 3)", "PUBLISHED")),
        TrialStateReplay.compare(log, List.of(forgedPublication)));
  }

  @Test
  void aTrialTheLogNeverCreatedAndOneThatVanishedAreNamed() {
    StoredTrial stranger =
        new StoredTrial("TLR-00000099-1", TrialStatus.PUBLISHED, 1, false, null, Map.of());
    List<Mismatch> found = TrialStateReplay.compare(twoPublishedVersions(), List.of(stranger));
    assertEquals(2, found.size(), found.toString());
    assertEquals(
        new Mismatch(
            "trial TLR-00000099-1",
            "row",
            "no trial (the log never created it)",
            "a trial, PUBLISHED"),
        found.get(0));
    assertEquals(
        new Mismatch("trial " + T, "row", "a trial (created by audit record 1)", "none"),
        found.get(1));
  }

  @Test
  void readsOnlyTheWorkflowsOwnActionsAndWellFormedVersions() {
    assertEquals(
        new Transition(9, T, Step.VERSION_PUBLISHED, 12, null),
        TrialStateReplay.read(9, "VERSION_PUBLISHED", T, "version 12", null).orElseThrow());
    assertTrue(TrialStateReplay.read(9, "REVIEW_COMMENT", T, "version 1: MAJOR", null).isEmpty());
    assertTrue(TrialStateReplay.read(9, "VERSION_PUBLISHED", T, "version 1x", null).isEmpty());
    assertTrue(TrialStateReplay.read(9, "VERSION_PUBLISHED", T, null, null).isEmpty());
    assertEquals(
        Step.TRIAL_WITHDRAWN,
        TrialStateReplay.read(9, "TRIAL_WITHDRAWN", T, "WITHDRAWN", "why").orElseThrow().step());
    assertEquals("version 3", TrialStateReplay.versionText(3));
  }

  private static Transition step(long evidence, Step step, Integer version) {
    return new Transition(evidence, T, step, version, null);
  }

  private static Map<Integer, VersionState> versions(VersionState... states) {
    Map<Integer, VersionState> m = new TreeMap<>();
    for (int i = 0; i < states.length; i++) m.put(i + 1, states[i]);
    return m;
  }
}
