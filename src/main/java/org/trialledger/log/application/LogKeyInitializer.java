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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.LogKey;

/**
 * At start-up: loads the log's private key from its file (creating it on first start), publishes
 * the public key, and refuses to start if the database already names another key — checkpoints must
 * never be signed by a key that verifiers have not been shown. Signs the checkpoint of the empty
 * log if there is none.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
public class LogKeyInitializer {
  private static final Logger LOG = Logger.getLogger(LogKeyInitializer.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private LogSigner signer;
  @Inject private Clock clock;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.key-file", defaultValue = "./data/log-signing.key")
  private String keyFile;

  @Inject
  @ConfigProperty(name = "trialledger.ledger.origin", defaultValue = "localhost/trialledger")
  private String origin;

  @PostConstruct
  void init() {
    NoteKey key = NoteKey.signer(origin, LogKeyFile.loadOrCreate(Path.of(keyFile)));
    List<LogKey> published = em.createQuery("SELECT k FROM LogKey k", LogKey.class).getResultList();
    if (published.isEmpty()) {
      em.persist(new LogKey(key.keyIdHex(), origin, key.verifierKey(), clock.instant()));
      LOG.info(() -> "Log key created and published: " + key.verifierKey());
    } else if (published.stream().noneMatch(k -> k.getVkey().equals(key.verifierKey()))) {
      throw new IllegalStateException(
          "The log key in "
              + keyFile
              + " ("
              + key.verifierKey()
              + ") is not the key this database published ("
              + published.get(0).getVkey()
              + "). Restore the right key file; refusing to sign with another.");
    }
    signer.use(origin, key);
    if (em.find(CheckpointRow.class, 0L) == null) {
      em.persist(
          new CheckpointRow(
              0, TreeHasher.EMPTY_ROOT, signer.sign(0, TreeHasher.EMPTY_ROOT), clock.instant()));
    }
    LOG.info(() -> "Log " + origin + " signs with key " + key.keyIdHex());
  }
}
