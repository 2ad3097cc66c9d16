package org.trialledger.platform;

/**
 * What the last probe of the read replica found. {@code lagMillis} is {@link ReplicaLag}'s figure,
 * {@code lagBytes} the WAL the replica has received or not yet replayed ({@code
 * pg_wal_lsn_diff(primary's current position, replay position)}), {@code replayAgeMillis} the age
 * of the last transaction it replayed (-1 if none since it started), for people: on an idle primary
 * it grows while the replica is perfectly current.
 */
public record ReplicaState(
    boolean configured,
    boolean reachable,
    boolean paused,
    long lagMillis,
    long lagBytes,
    long replayAgeMillis,
    long checkedAtMillis,
    String error) {

  static ReplicaState notConfigured() {
    return new ReplicaState(false, false, false, 0, 0, -1, 0, null);
  }

  static ReplicaState notChecked() {
    return new ReplicaState(true, false, false, 0, 0, -1, 0, "not checked yet");
  }

  static ReplicaState down(long nowMillis, String error) {
    return new ReplicaState(true, false, false, 0, 0, -1, nowMillis, error);
  }
}
