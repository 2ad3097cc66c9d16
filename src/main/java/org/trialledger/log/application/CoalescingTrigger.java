package org.trialledger.log.application;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Runs a task after {@link #fire()}, coalescing: any number of fires while a run is scheduled make
 * no further run, fires during a run make exactly one more run after it, and runs never overlap.
 * Each run starts at least {@code minGapNanos} after the previous one started, so that a stream of
 * fires (one per committed writer transaction) becomes runs that each take everything that arrived
 * in the meantime. Plain Java: the scheduler and the clock are passed in.
 */
final class CoalescingTrigger {
  /** Where runs go: schedules {@code run} after {@code delayNanos}; may throw (rejected). */
  interface Scheduler {
    void schedule(Runnable run, long delayNanos);
  }

  private final Scheduler scheduler;
  private final Runnable task;
  private final long minGapNanos;
  private final LongSupplier nanoClock;

  /** Set by a fire, cleared by the run that will see everything fired before it. */
  private final AtomicBoolean pending = new AtomicBoolean();

  /** A run is scheduled or running: the one owner of the next run. */
  private final AtomicBoolean busy = new AtomicBoolean();

  private volatile boolean closed;
  private volatile long lastStart;
  private volatile boolean started;

  CoalescingTrigger(Scheduler scheduler, Runnable task, long minGapNanos, LongSupplier nanoClock) {
    this.scheduler = scheduler;
    this.task = task;
    this.minGapNanos = minGapNanos;
    this.nanoClock = nanoClock;
  }

  /** Asks for a run that starts after this call. Cheap and non-blocking: safe after a commit. */
  void fire() {
    pending.set(true);
    claimAndSchedule();
  }

  /** No runs after this (those already running finish). */
  void close() {
    closed = true;
  }

  private void claimAndSchedule() {
    if (closed || !busy.compareAndSet(false, true)) return;
    long delay = started ? Math.max(0, lastStart + minGapNanos - nanoClock.getAsLong()) : 0;
    try {
      scheduler.schedule(this::run, delay);
    } catch (RuntimeException e) {
      // Rejected (shutting down) or the executor failed: free the slot so that the next fire (the
      // periodic one at the latest) tries again, instead of leaving every later fire to a run that
      // will never come.
      busy.set(false);
    }
  }

  private void run() {
    try {
      if (closed) return;
      // Cleared before the task looks at the queue: a fire from here on asks for another run.
      pending.set(false);
      lastStart = nanoClock.getAsLong();
      started = true;
      task.run();
    } finally {
      busy.set(false);
      // A fire that came while busy found the slot taken and left it to us.
      if (pending.get()) claimAndSchedule();
    }
  }
}
