package org.trialledger.log.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Wakes this instance's {@link Integrator} when a transaction that queued ledger entries commits,
 * so that entries are integrated within milliseconds rather than at the next periodic run. One
 * synchronisation per transaction however many entries it queued; nothing happens on rollback.
 * Entries queued by other instances still wait for the periodic run.
 */
@ApplicationScoped
public class IntegrationWakeUp {
  private static final Object REGISTERED = new Object();

  @Resource private TransactionSynchronizationRegistry transactions;

  private volatile Runnable integrator = () -> {};

  /** The integrator's wake-up; a no-op until set and after {@link #detach()}. */
  void attach(Runnable wake) {
    integrator = wake;
  }

  void detach() {
    integrator = () -> {};
  }

  /** Called inside the transaction that queues an entry. */
  void afterCommitOfCurrentTransaction() {
    if (transactions.getResource(REGISTERED) != null) return;
    transactions.putResource(REGISTERED, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) return;
            try {
              integrator.run();
            } catch (RuntimeException e) {
              // The commit stands; the periodic run integrates the entries.
            }
          }
        });
  }
}
