package org.trialledger.log.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CoalescingTriggerTest {
  /** Holds scheduled runs until the test runs them, with the delays they asked for. */
  static final class HeldRuns implements CoalescingTrigger.Scheduler {
    final ArrayDeque<Runnable> runs = new ArrayDeque<>();
    final List<Long> delays = new ArrayList<>();
    boolean reject;
    boolean fail;

    @Override
    public void schedule(Runnable run, long delayNanos) {
      if (reject) throw new RejectedExecutionException("shut down");
      if (fail) throw new IllegalStateException("no context to capture");
      runs.add(run);
      delays.add(delayNanos);
    }

    void runNext() {
      runs.remove().run();
    }
  }

  private final HeldRuns held = new HeldRuns();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final AtomicInteger taskRuns = new AtomicInteger();

  private CoalescingTrigger trigger(Runnable task, long gapNanos) {
    return new CoalescingTrigger(held, task, gapNanos, now::get);
  }

  @Test
  void manyFiresBeforeTheRunMakeOneRun() {
    CoalescingTrigger t = trigger(taskRuns::incrementAndGet, 0);
    for (int i = 0; i < 100; i++) t.fire();
    assertEquals(1, held.runs.size());
    held.runNext();
    assertEquals(1, taskRuns.get());
    assertTrue(held.runs.isEmpty(), "nothing fired after the run started: no second run");
  }

  @Test
  void firesDuringARunMakeExactlyOneMoreRunAfterIt() {
    CoalescingTrigger[] t = new CoalescingTrigger[1];
    t[0] =
        trigger(
            () -> {
              if (taskRuns.incrementAndGet() == 1) {
                for (int i = 0; i < 10; i++) t[0].fire(); // commits while the first run works
                assertEquals(0, held.runs.size(), "never a second run while one runs");
              }
            },
            0);
    t[0].fire();
    held.runNext();
    assertEquals(1, held.runs.size(), "the fires during the run asked for one more");
    held.runNext();
    assertEquals(2, taskRuns.get());
    assertTrue(held.runs.isEmpty());
  }

  @Test
  void theNextRunWaitsForTheGapSinceThePreviousStart() {
    CoalescingTrigger t = trigger(() -> now.addAndGet(5_000_000), 50_000_000); // runs take 5 ms
    t.fire();
    assertEquals(0L, held.delays.get(0), "the first run starts at once");
    held.runNext();
    now.addAndGet(10_000_000); // 15 ms after the first run started
    t.fire();
    assertEquals(35_000_000L, held.delays.get(1));
    held.runNext();
    now.addAndGet(200_000_000); // long after
    t.fire();
    assertEquals(0L, held.delays.get(2));
  }

  @Test
  void aRejectedScheduleFreesTheSlotForTheNextFire() {
    CoalescingTrigger t = trigger(taskRuns::incrementAndGet, 0);
    held.reject = true;
    t.fire();
    held.reject = false;
    t.fire();
    assertEquals(1, held.runs.size());
    held.runNext();
    assertEquals(1, taskRuns.get());
  }

  @Test
  void aSchedulerFailureFreesTheSlotToo() {
    CoalescingTrigger t = trigger(taskRuns::incrementAndGet, 0);
    held.fail = true;
    t.fire();
    held.fail = false;
    t.fire();
    assertEquals(1, held.runs.size());
  }

  @Test
  void aFailingRunStillLetsTheNextFireThrough() {
    CoalescingTrigger t =
        trigger(
            () -> {
              taskRuns.incrementAndGet();
              throw new IllegalStateException("database down");
            },
            0);
    t.fire();
    try {
      held.runNext();
    } catch (IllegalStateException expected) {
      // the executor would log it
    }
    t.fire();
    assertEquals(1, held.runs.size());
  }

  @Test
  void noRunsAfterClose() {
    CoalescingTrigger t = trigger(taskRuns::incrementAndGet, 0);
    t.fire();
    t.close();
    held.runNext();
    t.fire();
    assertEquals(0, taskRuns.get());
    assertTrue(held.runs.isEmpty());
  }

  /**
   * Real threads: writers fire while runs take "everything queued" from a counter. Runs never
   * overlap, and every fire is followed by a run that starts after it (no lost wake-up): when all
   * writers are done and the trigger is idle, the queue is empty.
   */
  @Test
  void underConcurrentFiresRunsNeverOverlapAndNoFireIsLost() throws Exception {
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(4);
    ExecutorService writers = Executors.newFixedThreadPool(8);
    AtomicInteger queued = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    AtomicInteger runs = new AtomicInteger();
    try {
      CoalescingTrigger t =
          new CoalescingTrigger(
              (run, delay) -> pool.schedule(run, delay, TimeUnit.NANOSECONDS),
              () -> {
                if (running.incrementAndGet() > 1) overlaps.incrementAndGet();
                runs.incrementAndGet();
                queued.set(0); // integrates everything committed so far
                Thread.onSpinWait();
                running.decrementAndGet();
              },
              TimeUnit.MICROSECONDS.toNanos(200),
              System::nanoTime);
      int perWriter = 20_000;
      CountDownLatch done = new CountDownLatch(8);
      for (int w = 0; w < 8; w++) {
        writers.execute(
            () -> {
              for (int i = 0; i < perWriter; i++) {
                queued.incrementAndGet(); // commit
                t.fire(); // after-commit wake-up
              }
              done.countDown();
            });
      }
      assertTrue(done.await(60, TimeUnit.SECONDS));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (queued.get() != 0 && System.nanoTime() < deadline) Thread.sleep(1);
      assertEquals(0, queued.get(), "a fire was lost: entries left queued");
      assertEquals(0, overlaps.get(), "two runs overlapped");
      assertTrue(runs.get() < 8 * perWriter, "fires were coalesced: " + runs.get() + " runs");
    } finally {
      writers.shutdownNow();
      pool.shutdownNow();
    }
  }
}
