package org.trialledger.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Start-up work that creates what must exist once (the log key and first checkpoint, the demo data)
 * checks "is it there?" and then creates it. Instances starting together on a fresh database (issue
 * 21) would both find nothing and both create. Holding this lock until the caller's transaction
 * ends lets one instance through at a time; the next then finds what the first created. It is the
 * row lock of the log head (V2), the row every instance's integrator also locks briefly, so it
 * needs no table of its own and works on PostgreSQL and H2.
 */
@ApplicationScoped
public class StartupLock {
  /** Long enough for another instance's first start to finish its seeding on a slow machine. */
  private static final String WAIT = "120s";

  @Inject private DatabaseProduct product;
  @PersistenceContext private EntityManager em;

  @Transactional(Transactional.TxType.MANDATORY)
  public void hold() {
    if (product.isPostgres())
      em.createNativeQuery("SELECT set_config('lock_timeout', '" + WAIT + "', true)")
          .getSingleResult();
    em.createNativeQuery("SELECT id FROM log_head WHERE id = 1 FOR UPDATE").getResultList();
  }
}
