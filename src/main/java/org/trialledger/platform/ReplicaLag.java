package org.trialledger.platform;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How far a streaming replica is behind, in time, from what the primary had written when. Each
 * probe notes the primary's current WAL position; the lag is the age of the oldest noted position
 * the replica has not replayed yet. A replica that has replayed everything the primary wrote has no
 * lag, however long ago the last write was: an idle primary does not make an idle replica look
 * late, as {@code now() - pg_last_xact_replay_timestamp()} alone would. The figure is a lower bound
 * with the probe interval as its resolution. Not thread-safe: {@link ReplicaMonitor} serialises the
 * probes.
 */
final class ReplicaLag {
  /** Positions kept at most; the oldest is kept when the list is full (it carries the lag). */
  static final int MAX_SAMPLES = 1024;

  private record Sample(long atMillis, long lsn) {}

  private final Deque<Sample> unreplayed = new ArrayDeque<>();

  /**
   * One probe: the primary's WAL position and the replica's replay position at {@code nowMillis}.
   * Returns the lag in milliseconds.
   */
  long observe(long nowMillis, long primaryLsn, long replayLsn) {
    Sample newest = unreplayed.peekLast();
    // an unchanged position keeps the time it was first seen: the replica has lacked it since then
    if (newest == null || primaryLsn > newest.lsn()) {
      if (unreplayed.size() == MAX_SAMPLES) {
        Sample oldest = unreplayed.pollFirst();
        unreplayed.pollFirst();
        unreplayed.addFirst(oldest);
      }
      unreplayed.addLast(new Sample(nowMillis, primaryLsn));
    }
    while (!unreplayed.isEmpty()
        && Long.compareUnsigned(unreplayed.peekFirst().lsn(), replayLsn) <= 0)
      unreplayed.pollFirst();
    return unreplayed.isEmpty() ? 0 : Math.max(0, nowMillis - unreplayed.peekFirst().atMillis());
  }

  /** After the replica could not be asked: what it had replayed is unknown. */
  void forget() {
    unreplayed.clear();
  }

  /** A PostgreSQL {@code pg_lsn} as text ({@code 16/B374D848}) as one unsigned 64-bit number. */
  static long parseLsn(String text) {
    int slash = text == null ? -1 : text.indexOf('/');
    if (slash < 1 || slash == text.length() - 1)
      throw new IllegalArgumentException("Not a WAL position: " + text);
    long high = Long.parseUnsignedLong(text.substring(0, slash), 16);
    long low = Long.parseUnsignedLong(text.substring(slash + 1), 16);
    if (high > 0xFFFFFFFFL || low > 0xFFFFFFFFL)
      throw new IllegalArgumentException("Not a WAL position: " + text);
    return (high << 32) | low;
  }
}
