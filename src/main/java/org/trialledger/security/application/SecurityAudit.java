package org.trialledger.security.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.trialledger.security.events.SecurityEvent;

/**
 * Fires a security event in a transaction of its own, so that its audit record commits whatever the
 * caller does.
 */
@ApplicationScoped
public class SecurityAudit {
  @Inject private Event<SecurityEvent> events;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fire(SecurityEvent event) {
    events.fire(event);
  }
}
