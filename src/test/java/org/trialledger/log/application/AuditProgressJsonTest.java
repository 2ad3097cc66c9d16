package org.trialledger.log.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.trialledger.log.domain.Discrepancy;

/** Issue 21: an audit's progress as another instance reads it from background_job. */
class AuditProgressJsonTest {
  private static final Instant START = Instant.parse("2026-11-28T14:00:00Z");

  @Test
  void aFinishedAuditReadsBackAsItWasWritten() {
    AuditProgress p = new AuditProgress("regulator", START);
    p.total(10);
    p.advance(10);
    p.found(new Discrepancy(Discrepancy.Kind.ARTIFACT_CHANGED, "leaf 3", null, "ab\"c", "ä"));
    p.erased();
    p.finish(START.plusSeconds(5));
    AuditProgress.Snapshot written = p.snapshot(START.plusSeconds(9));

    AuditProgress.Snapshot read =
        AuditProgress.stored(AuditProgressJson.read(AuditProgressJson.write(written)), false)
            .snapshot(START.plusSeconds(9));

    assertEquals(written, read);
  }

  @Test
  void aRunningAuditWhoseInstanceStoppedIsShownAsStopped() {
    AuditProgress p = new AuditProgress("admin", START);
    p.total(100);
    p.advance(40);
    AuditProgress.Snapshot written = p.snapshot(START.plusSeconds(2));

    AuditProgress.Snapshot read =
        AuditProgress.stored(AuditProgressJson.read(AuditProgressJson.write(written)), true)
            .snapshot(START.plusSeconds(60));

    assertEquals(AuditProgress.State.ERROR, read.state());
    assertEquals(40, read.done());
    assertEquals(written.id(), read.id());
    assertNull(read.finishedAt());
  }
}
