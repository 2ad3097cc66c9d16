package org.trialledger.anchoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.trialledger.anchoring.bitcoin.BlockHeader;
import org.trialledger.anchoring.store.BitcoinHeader;

/**
 * The validated header chain's rows: each accepted header saved in its own transaction (the sources
 * are asked outside any), all of them read back once at start to be validated again.
 */
@ApplicationScoped
public class BitcoinHeaderStore {
  @PersistenceContext private EntityManager em;
  @Inject private Clock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void save(long height, BlockHeader header, List<String> confirmedBy) {
    BitcoinHeader existing = em.find(BitcoinHeader.class, height);
    if (existing != null) em.remove(existing);
    em.flush();
    em.persist(
        new BitcoinHeader(
            height,
            header.blockHashHex(),
            header.bytes(),
            String.join(", ", confirmedBy),
            clock.instant()));
  }

  @Transactional
  public List<BitcoinHeader> all() {
    return em.createQuery("SELECT h FROM BitcoinHeader h ORDER BY h.height", BitcoinHeader.class)
        .getResultList();
  }
}
