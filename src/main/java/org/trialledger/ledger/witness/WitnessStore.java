package org.trialledger.ledger.witness;

import java.io.IOException;
import java.util.Optional;
import org.trialledger.ledger.note.Checkpoint;

/** Where a witness keeps, per log origin, the latest checkpoint it cosigned. */
public interface WitnessStore {
  Optional<Checkpoint> latest(String origin) throws IOException;

  /**
   * Records {@code checkpoint} (whose signed note is {@code note}) as the latest for its origin.
   * Returns only once the record is durable: the witness answers after this.
   */
  void save(Checkpoint checkpoint, String note) throws IOException;
}
