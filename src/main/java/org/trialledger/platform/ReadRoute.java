package org.trialledger.platform;

/**
 * Which database answers a request's public reads: the replica only for an anonymous GET or HEAD
 * while the replica answers, was checked recently and lags less than the bound; the primary in
 * every other case. A signed-in user (a page session or API credentials) always reads the primary,
 * so sees what they just wrote.
 */
public final class ReadRoute {
  /** Where a read goes. */
  public enum Source {
    PRIMARY,
    REPLICA
  }

  /** The source and why, for logs and tests. */
  public record Decision(Source source, String reason) {}

  private ReadRoute() {}

  /**
   * @param signedIn the request carries a user (principal, credentials or a session cookie)
   * @param maxLagMillis lag beyond which the replica is not used
   * @param maxAgeMillis a probe older than this is not trusted (the monitor stopped)
   */
  public static Decision decide(
      boolean signedIn,
      String method,
      ReplicaState replica,
      long maxLagMillis,
      long nowMillis,
      long maxAgeMillis) {
    if (!replica.configured()) return primary("no replica configured");
    if (signedIn) return primary("signed in: reads what it wrote");
    if (!"GET".equals(method) && !"HEAD".equals(method)) return primary("not a read: " + method);
    if (!replica.reachable()) return primary("replica down: " + replica.error());
    if (nowMillis - replica.checkedAtMillis() > maxAgeMillis)
      return primary("replica not checked for " + (nowMillis - replica.checkedAtMillis()) + " ms");
    if (replica.lagMillis() > maxLagMillis)
      return primary("replica lags " + replica.lagMillis() + " ms > " + maxLagMillis + " ms");
    return new Decision(Source.REPLICA, "replica lags " + replica.lagMillis() + " ms");
  }

  private static Decision primary(String reason) {
    return new Decision(Source.PRIMARY, reason);
  }
}
