package org.trialledger.security.auth;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.security.domain.LoginThrottle;
import org.trialledger.security.domain.ThrottleBuckets;

/**
 * Failed logins per client address, any user name: {@link LoginThrottle#addresses} (locked 1
 * minute, doubling up to 1 hour, after {@code trialledger.security.address-lock-after} failures,
 * 100 by default). Against password spraying, which no single account's count sees. In memory, per
 * instance; the address is the TCP peer's (behind a proxy, configure it to pass the client's
 * address, as Payara's network listener allows).
 */
@ApplicationScoped
public class AddressThrottle {
  @Inject
  @ConfigProperty(name = "trialledger.security.address-lock-after", defaultValue = "100")
  private int lockAfter;

  private ThrottleBuckets buckets;

  @PostConstruct
  void init() {
    buckets = new ThrottleBuckets(LoginThrottle.addresses(lockAfter), 100_000);
  }

  public Optional<Instant> refusedUntil(String address, Instant now) {
    return buckets.refusedUntil(address, now);
  }

  public void failed(String address, Instant now) {
    buckets.failed(address, now);
  }
}
