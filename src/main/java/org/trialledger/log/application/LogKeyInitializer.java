package org.trialledger.log.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.log.domain.PublishedKeyCheck;
import org.trialledger.log.domain.SignedHead;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.LogHead;
import org.trialledger.log.store.LogKey;
import org.trialledger.platform.RefusedStart;
import org.trialledger.platform.StartupLock;

/**
 * At start-up: loads the log's private key from its file (creating it on first start), publishes
 * the public key on a first start, and otherwise refuses to start ({@link RefusedStart}: the
 * process ends) unless the database publishes exactly this one key and its newest checkpoint
 * verifies under it ({@link PublishedKeyCheck}) — checkpoints must never be signed by a key that
 * verifiers have not been shown. Signs the checkpoint of the empty log if there is none.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class LogKeyInitializer {
  private static final Logger LOG = Logger.getLogger(LogKeyInitializer.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private LogSigner signer;
  @Inject private Clock clock;
  @Inject private StartupLock startupLock;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.key-file", defaultValue = "./data/log-signing.key")
  private String keyFile;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.origin", defaultValue = "localhost/trialledger")
  private String origin;

  @PostConstruct
  void init() {
    // Instances starting together on a fresh database would each publish a key and sign the
    // empty checkpoint (issue 21). Taken before the key file is read, so that instances sharing
    // that file on one host do not both create it.
    startupLock.hold();
    NoteKey key = NoteKey.signer(origin, LogKeyFile.loadOrCreate(Path.of(keyFile)));
    List<String> published =
        em.createQuery("SELECT k.vkey FROM LogKey k ORDER BY k.createdAt", String.class)
            .getResultList();
    SignedHead.StoredCheckpoint newest =
        em.createNamedQuery("CheckpointRow.latest", CheckpointRow.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .map(c -> new SignedHead.StoredCheckpoint(c.getTreeSize(), c.getNote()))
            .orElse(null);
    long headSize = em.find(LogHead.class, LogHead.ID).getTreeSize();
    Optional<String> refusal = PublishedKeyCheck.refusal(published, key, keyFile, newest, headSize);
    if (refusal.isPresent()) throw RefusedStart.refuse(refusal.get());
    if (published.isEmpty()) {
      em.persist(new LogKey(key.keyIdHex(), origin, key.verifierKey(), clock.instant()));
      LOG.info(() -> "Log key created and published: " + key.verifierKey());
    }
    signer.use(origin, key);
    if (newest == null) {
      em.persist(
          new CheckpointRow(
              0, TreeHasher.EMPTY_ROOT, signer.sign(0, TreeHasher.EMPTY_ROOT), clock.instant()));
    }
    LOG.info(() -> "Log " + origin + " signs with key " + key.keyIdHex());
  }
}
