package org.trialledger.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trialledger.platform.ReadRoute.Source;

class ReadRouteTest {
  private static final long NOW = 1_000_000;
  private static final long MAX_LAG = 5_000;
  private static final long MAX_AGE = 5_000;

  private static ReplicaState upWithLag(long lagMillis, long checkedAt) {
    return new ReplicaState(true, true, false, lagMillis, 0, 10, checkedAt, null);
  }

  private static Source route(boolean signedIn, String method, ReplicaState replica) {
    return ReadRoute.decide(signedIn, method, replica, MAX_LAG, NOW, MAX_AGE).source();
  }

  @Test
  void anAnonymousReadGoesToAHealthyReplica() {
    assertEquals(Source.REPLICA, route(false, "GET", upWithLag(0, NOW)));
    assertEquals(Source.REPLICA, route(false, "HEAD", upWithLag(MAX_LAG, NOW - MAX_AGE)));
  }

  @Test
  void aSignedInUserReadsThePrimaryWhateverTheReplica() {
    var decision = ReadRoute.decide(true, "GET", upWithLag(0, NOW), MAX_LAG, NOW, MAX_AGE);
    assertEquals(Source.PRIMARY, decision.source());
    assertTrue(decision.reason().contains("signed in"), decision.reason());
  }

  @Test
  void writesAndOtherMethodsUseThePrimary() {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
      assertEquals(Source.PRIMARY, route(false, method, upWithLag(0, NOW)), method);
  }

  @Test
  void noReplicaConfiguredMeansThePrimary() {
    assertEquals(Source.PRIMARY, route(false, "GET", ReplicaState.notConfigured()));
  }

  @Test
  void aReplicaThatIsDownOrNotCheckedYetIsNotUsed() {
    assertEquals(Source.PRIMARY, route(false, "GET", ReplicaState.notChecked()));
    var down =
        ReadRoute.decide(false, "GET", ReplicaState.down(NOW, "refused"), MAX_LAG, NOW, MAX_AGE);
    assertEquals(Source.PRIMARY, down.source());
    assertTrue(down.reason().contains("refused"), down.reason());
  }

  @Test
  void aReplicaLaggingBeyondTheBoundIsNotUsed() {
    var decision =
        ReadRoute.decide(false, "GET", upWithLag(MAX_LAG + 1, NOW), MAX_LAG, NOW, MAX_AGE);
    assertEquals(Source.PRIMARY, decision.source());
    assertTrue(decision.reason().contains("lags"), decision.reason());
  }

  @Test
  void aProbeThatIsTooOldIsNotTrusted() {
    // the monitor stopped probing: the last "up" says nothing about now
    assertEquals(Source.PRIMARY, route(false, "GET", upWithLag(0, NOW - MAX_AGE - 1)));
  }
}
