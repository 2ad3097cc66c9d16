package org.trialledger.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialledger.platform.ScheduleLease;

/**
 * Issue 21, "once per cluster per period": two instances contend for the same lease on the real
 * PostgreSQL (two connections, two threads released together, every period); exactly one runs per
 * period, nobody runs again within it, and when the holder dies the next period goes to the other.
 * In a schema of its own, made by migration V26 itself; no server needed.
 */
class ScheduleLeaseIT {
  private static final Duration PERIOD = Duration.ofMinutes(1);
  private static final String SCHEMA = "lease_it";

  private Connection first;
  private Connection second;

  @BeforeEach
  void schema() throws Exception {
    first = connection();
    try (Statement s = first.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      s.execute("CREATE SCHEMA " + SCHEMA);
      s.execute("SET search_path TO " + SCHEMA);
      s.execute(Files.readString(Path.of("db-migrations/common/V26__schedule_lease.sql")));
    }
    second = connection();
    try (Statement s = second.createStatement()) {
      s.execute("SET search_path TO " + SCHEMA);
    }
  }

  @AfterEach
  void drop() throws Exception {
    try (Statement s = first.createStatement()) {
      s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }
    first.close();
    second.close();
  }

  @Test
  void twoContendersEveryPeriodOneRuns() throws Exception {
    Instant start = Instant.parse("2026-11-28T12:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (String lease : List.of("anchoring", "not-seeded")) {
        List<String> winners = new ArrayList<>();
        for (int period = 0; period < 20; period++) {
          Instant now = start.plus(PERIOD.multipliedBy(period));
          CyclicBarrier together = new CyclicBarrier(2);
          Future<Boolean> a = pool.submit(() -> contend(together, first, lease, "a", now));
          Future<Boolean> b = pool.submit(() -> contend(together, second, lease, "b", now));
          boolean ranA = a.get();
          boolean ranB = b.get();
          assertTrue(ranA ^ ranB, lease + " period " + period + ": a " + ranA + ", b " + ranB);
          winners.add(ranA ? "a" : "b");
          // within the period nobody runs again, the holder included
          Instant later = now.plus(PERIOD.minusSeconds(1));
          assertFalse(ScheduleLease.acquire(first, lease, "a", later, PERIOD));
          assertFalse(ScheduleLease.acquire(second, lease, "b", later, PERIOD));
        }
        assertEquals(20, winners.size());
      }
    } finally {
      pool.shutdownNow();
    }

    // the holder dies (kill -9: it never releases); the next period goes to the other instance
    Instant t = Instant.parse("2026-11-29T00:00:00Z");
    assertTrue(ScheduleLease.acquire(first, "anchoring", "a", t, PERIOD));
    first.close();
    assertFalse(ScheduleLease.acquire(second, "anchoring", "b", t.plusSeconds(59), PERIOD));
    assertTrue(ScheduleLease.acquire(second, "anchoring", "b", t.plus(PERIOD), PERIOD));
    first = connection();
  }

  private static boolean contend(
      CyclicBarrier together, Connection c, String lease, String owner, Instant now)
      throws Exception {
    together.await();
    return ScheduleLease.acquire(c, lease, owner, now, PERIOD);
  }

  private static Connection connection() throws Exception {
    Connection c = TestDatabase.connect();
    c.setAutoCommit(true);
    return c;
  }
}
