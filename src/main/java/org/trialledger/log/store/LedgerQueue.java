package org.trialledger.log.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entry waiting for its leaf: written with the entry by {@link QueuedEntryInsert}, deleted by
 * the integrator in the transaction that appends the entry's leaf. Read here only.
 */
@Entity
@Table(name = "ledger_queue")
public class LedgerQueue {
  @Id
  @Column(name = "entry_id")
  private long entryId;

  protected LedgerQueue() {}

  public long getEntryId() {
    return entryId;
  }
}
