package org.trialledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReplicaLagTest {
  @Test
  void aReplicaThatReplayedEverythingHasNoLagEvenOnAnIdlePrimary() {
    ReplicaLag lag = new ReplicaLag();
    assertEquals(0, lag.observe(0, 100, 100));
    // nothing written for a minute: still current
    assertEquals(0, lag.observe(60_000, 100, 100));
  }

  @Test
  void theLagIsTheAgeOfTheOldestPositionNotReplayed() {
    ReplicaLag lag = new ReplicaLag();
    assertEquals(0, lag.observe(0, 100, 100));
    // replay paused at 100 while the primary writes on
    assertEquals(0, lag.observe(1_000, 200, 100));
    assertEquals(1_000, lag.observe(2_000, 300, 100));
    assertEquals(2_000, lag.observe(3_000, 300, 100));
    // replay resumed: up to 200 replayed, 300 (first seen at 2 s) still missing
    assertEquals(2_000, lag.observe(4_000, 400, 200));
    assertEquals(0, lag.observe(5_000, 400, 400));
  }

  @Test
  void aPositionKeepsTheTimeItWasFirstSeen() {
    ReplicaLag lag = new ReplicaLag();
    lag.observe(0, 500, 100);
    // the primary stays at 500; the replica never gets there: lag grows with the clock
    assertEquals(10_000, lag.observe(10_000, 500, 100));
  }

  @Test
  void forgettingStartsAfresh() {
    ReplicaLag lag = new ReplicaLag();
    lag.observe(0, 500, 100);
    lag.forget();
    assertEquals(0, lag.observe(10_000, 500, 100));
    assertEquals(1_000, lag.observe(11_000, 500, 100));
  }

  @Test
  void aFullListKeepsItsOldestPosition() {
    ReplicaLag lag = new ReplicaLag();
    for (int i = 1; i <= ReplicaLag.MAX_SAMPLES + 10; i++) lag.observe(i * 1_000L, i * 10L, 0);
    long now = (ReplicaLag.MAX_SAMPLES + 11) * 1_000L;
    assertEquals(now - 1_000, lag.observe(now, (ReplicaLag.MAX_SAMPLES + 11) * 10L, 0));
  }

  @Test
  void walPositionsAreParsedAsUnsignedNumbers() {
    assertEquals(0x16B374D848L, ReplicaLag.parseLsn("16/B374D848"));
    assertEquals(0, ReplicaLag.parseLsn("0/0"));
    assertEquals(-1L, ReplicaLag.parseLsn("FFFFFFFF/FFFFFFFF"));
    assertThrows(IllegalArgumentException.class, () -> ReplicaLag.parseLsn("16B374D848"));
    assertThrows(IllegalArgumentException.class, () -> ReplicaLag.parseLsn("1/"));
    assertThrows(IllegalArgumentException.class, () -> ReplicaLag.parseLsn("100000000/0"));
    assertThrows(IllegalArgumentException.class, () -> ReplicaLag.parseLsn(null));
  }
}
