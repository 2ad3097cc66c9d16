package org.trialledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fallback rules of {@link PublicReads}, with a replica that is up or down by decree. */
class PublicReadsTest {
  private final List<Throwable> failures = new ArrayList<>();
  private ReplicaState replica =
      new ReplicaState(true, true, false, 0, 0, 0, System.currentTimeMillis(), null);

  private final ReplicaMonitor monitor =
      new ReplicaMonitor() {
        @Override
        public ReplicaState state() {
          return replica;
        }

        @Override
        public long maxLagMillis() {
          return 5_000;
        }

        @Override
        long maxAgeMillis() {
          return 60_000;
        }

        @Override
        void failed(Throwable e) {
          failures.add(e);
        }
      };

  private final PublicReads reads = new PublicReads();

  PublicReadsTest() throws Exception {
    Field f = PublicReads.class.getDeclaredField("monitor");
    f.setAccessible(true);
    f.set(reads, monitor);
  }

  @Test
  void outsideARequestEveryReadIsThePrimarysAndRunsOnce() {
    List<Boolean> runs = new ArrayList<>();
    assertEquals(Optional.empty(), reads.read(() -> record(runs), Optional::isEmpty));
    assertEquals(List.of(false), runs);
  }

  @Test
  void anAnonymousGetReadsTheReplicaAndAHitStaysThere() {
    try (var scope = reads.begin(false, "GET")) {
      List<Boolean> runs = new ArrayList<>();
      assertEquals("hit", reads.read(() -> runs.add(reads.onReplica()) ? "hit" : "?"));
      assertEquals(List.of(true), runs);
      assertTrue(reads.onReplica());
    }
    assertFalse(reads.onReplica(), "the scope ended");
  }

  @Test
  void aMissOnTheReplicaIsAskedOfThePrimaryAndTheRequestStaysThere() {
    try (var scope = reads.begin(false, "GET")) {
      List<Boolean> runs = new ArrayList<>();
      reads.read(() -> record(runs), Optional::isEmpty);
      assertEquals(List.of(true, false), runs, "replica, then primary");
      assertFalse(reads.onReplica(), "the rest of the request reads the primary");
      runs.clear();
      reads.read(() -> record(runs), Optional::isEmpty);
      assertEquals(List.of(false), runs);
    }
    assertTrue(failures.isEmpty(), "a miss is not a failure");
  }

  @Test
  void notFoundOnTheReplicaIsAskedOfThePrimaryAndStillNotFoundThere() {
    try (var scope = reads.begin(false, "GET")) {
      List<Boolean> runs = new ArrayList<>();
      assertThrows(
          NotFoundException.class,
          () ->
              reads.read(
                  () -> {
                    runs.add(reads.onReplica());
                    throw new NotFoundException("no such trial");
                  }));
      assertEquals(List.of(true, false), runs);
    }
    assertTrue(failures.isEmpty());
  }

  @Test
  void aFailureOnTheReplicaMarksItDownAndThePrimaryAnswers() {
    try (var scope = reads.begin(false, "GET")) {
      String answer =
          reads.read(
              () -> {
                if (reads.onReplica()) throw new IllegalStateException("connection reset");
                return "from the primary";
              });
      assertEquals("from the primary", answer);
    }
    assertEquals(1, failures.size());
  }

  @Test
  void aFailureOnThePrimaryIsNotTheReplicasAndPropagates() {
    try (var scope = reads.begin(true, "GET")) {
      assertThrows(
          IllegalStateException.class,
          () ->
              reads.read(
                  () -> {
                    throw new IllegalStateException("primary down");
                  }));
    }
    assertTrue(failures.isEmpty());
  }

  @Test
  void signedInRequestsAndWritesNeverTouchTheReplica() {
    for (var request : List.of(List.of("true", "GET"), List.of("false", "POST"))) {
      try (var scope = reads.begin(Boolean.parseBoolean(request.get(0)), request.get(1))) {
        List<Boolean> runs = new ArrayList<>();
        reads.read(() -> record(runs), Optional::isEmpty);
        assertEquals(List.of(false), runs, request.toString());
      }
    }
  }

  @Test
  void aReplicaDownAtTheFirstReadLeavesTheRequestOnThePrimary() {
    replica = ReplicaState.down(System.currentTimeMillis(), "refused");
    try (var scope = reads.begin(false, "GET")) {
      assertFalse(reads.onReplica());
    }
  }

  private Optional<String> record(List<Boolean> runs) {
    runs.add(reads.onReplica());
    return Optional.empty();
  }
}
