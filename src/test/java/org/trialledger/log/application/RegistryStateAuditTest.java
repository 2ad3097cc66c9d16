package org.trialledger.log.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.trialledger.log.domain.Discrepancy;
import org.trialledger.log.domain.StateVerifier;

class RegistryStateAuditTest {
  private static final Discrepancy TAMPERED =
      new Discrepancy(
          Discrepancy.Kind.STATE_MISMATCH,
          "trial TLR-00000007-4",
          "published_version",
          "2 (audit record 5)",
          "1");
  private static final Discrepancy IN_FLIGHT =
      new Discrepancy(
          Discrepancy.Kind.STATE_MISMATCH,
          "trial TLR-00000008-2",
          "status",
          "PUBLISHED (audit record 9)",
          "DRAFT");

  /** Answers one list of findings per run, the last one for ever after. */
  private static StateVerifier runs(List<List<Discrepancy>> answers) {
    Deque<List<Discrepancy>> left = new ArrayDeque<>(answers);
    return new StateVerifier() {
      @Override
      public String scope() {
        return "test";
      }

      @Override
      public void verify(Consumer<Discrepancy> found) {
        (left.size() > 1 ? left.pop() : left.peek()).forEach(found);
      }
    };
  }

  @Test
  void aTransitionCommittedBetweenTheReadsIsNotAFinding() {
    assertEquals(
        List.of(TAMPERED),
        RegistryStateAudit.stableFindings(
            runs(List.of(List.of(TAMPERED, IN_FLIGHT), List.of(TAMPERED)))));
  }

  @Test
  void whatDisagreesInEveryRunIsReported() {
    assertEquals(
        List.of(TAMPERED, IN_FLIGHT),
        RegistryStateAudit.stableFindings(runs(List.of(List.of(TAMPERED, IN_FLIGHT)))));
    assertEquals(List.of(), RegistryStateAudit.stableFindings(runs(List.of(List.of()))));
  }

  @Test
  void aTrialStillMovingInTheSecondRunIsNotReportedEither() {
    Discrepancy movedOn =
        new Discrepancy(
            Discrepancy.Kind.STATE_MISMATCH,
            "trial TLR-00000008-2",
            "status",
            "WITHDRAWN (audit record 10)",
            "PUBLISHED");
    assertEquals(
        List.of(TAMPERED),
        RegistryStateAudit.stableFindings(
            runs(
                List.of(
                    List.of(TAMPERED, IN_FLIGHT), List.of(TAMPERED, movedOn), List.of(TAMPERED)))));
  }
}
