package org.trialledger.log.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.trialledger.log.domain.Discrepancy;

/**
 * The live state of one full audit run, shared between the job thread and whoever watches it.
 * Thread-safe: the job writes through the synchronized methods, readers take a {@link Snapshot}.
 */
public final class AuditProgress {
  public enum State {
    RUNNING,
    PASSED,
    FAILED,
    ERROR
  }

  /** How many discrepancies are kept in full; more are counted only. */
  static final int MAX_KEPT = 1000;

  private final String id;
  private final String startedBy;
  private final Instant startedAt;
  private State state = State.RUNNING;
  private String phase = "starting";
  private long done;
  private long total;
  private long discrepancyCount;
  private long erasedByRequest;
  private final List<Discrepancy> discrepancies = new ArrayList<>();
  private Instant finishedAt;
  private String error;

  AuditProgress(String startedBy, Instant startedAt) {
    this(UUID.randomUUID().toString(), startedBy, startedAt);
  }

  private AuditProgress(String id, String startedBy, Instant startedAt) {
    this.id = id;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
  }

  /**
   * A job as another instance stored it (issue 21); {@code stopped} when that instance stopped
   * writing its progress while it was running.
   */
  static AuditProgress stored(Snapshot s, boolean stopped) {
    AuditProgress p = new AuditProgress(s.id(), s.startedBy(), s.startedAt());
    p.state = s.state();
    p.phase = s.phase();
    p.done = s.done();
    p.total = s.total();
    p.discrepancyCount = s.discrepancyCount();
    p.discrepancies.addAll(s.discrepancies());
    p.erasedByRequest = s.erasedByRequest();
    p.finishedAt = s.finishedAt();
    p.error = s.error();
    if (stopped) {
      p.state = State.ERROR;
      p.error = "The instance running the audit stopped before it finished: start it again";
    }
    return p;
  }

  public String id() {
    return id;
  }

  synchronized void total(long total) {
    this.total = total;
  }

  synchronized void phase(String phase) {
    this.phase = phase;
  }

  synchronized void advance(long steps) {
    done += steps;
  }

  synchronized void found(Discrepancy d) {
    discrepancyCount++;
    if (discrepancies.size() < MAX_KEPT) discrepancies.add(d);
  }

  synchronized void finish(Instant at) {
    finishedAt = at;
    state = discrepancyCount == 0 ? State.PASSED : State.FAILED;
    phase = "finished";
    done = total;
  }

  synchronized void fail(Instant at, String message) {
    finishedAt = at;
    state = State.ERROR;
    error = message;
  }

  public synchronized Snapshot snapshot(Instant now) {
    Instant end = finishedAt == null ? now : finishedAt;
    double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
    double rate = done / seconds;
    Long etaSeconds =
        state != State.RUNNING || rate <= 0 || total <= done
            ? null
            : (long) Math.ceil((total - done) / rate);
    int percent =
        total == 0 ? (state == State.RUNNING ? 0 : 100) : (int) Math.min(100, done * 100 / total);
    return new Snapshot(
        id,
        state,
        phase,
        startedBy,
        startedAt,
        finishedAt,
        done,
        total,
        percent,
        Math.round(rate),
        etaSeconds,
        discrepancyCount,
        List.copyOf(discrepancies),
        erasedByRequest,
        error);
  }

  /**
   * An entry whose artifact was erased on request (crypto-shredding): reported, not a discrepancy.
   */
  synchronized void erased() {
    erasedByRequest++;
  }

  /** A consistent copy of the progress, for pages and the API. */
  public record Snapshot(
      String id,
      State state,
      String phase,
      String startedBy,
      Instant startedAt,
      Instant finishedAt,
      long done,
      long total,
      int percent,
      long stepsPerSecond,
      Long etaSeconds,
      long discrepancyCount,
      List<Discrepancy> discrepancies,
      long erasedByRequest,
      String error) {}
}
