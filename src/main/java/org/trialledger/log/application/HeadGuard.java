package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.log.domain.SignedHead;
import org.trialledger.log.store.CheckpointRow;
import org.trialledger.log.store.JpaNodeStore;
import org.trialledger.log.store.LogHead;

/**
 * What the integrator checks, under the head's lock, before it extends the log: the head is the
 * newest checkpoint and that checkpoint verifies under the loaded key; before appending, the stored
 * nodes it will build on give that signed root. Otherwise someone else moved the tree (SQL access
 * without the key), and signing the next batch would sign their tree as ours.
 */
@ApplicationScoped
public class HeadGuard {
  @PersistenceContext private EntityManager em;
  @Inject private LogSigner signer;

  /** Why the head is not the newest signed checkpoint, if it is not. Cheap: run every tick. */
  Optional<String> headRefusal(LogHead head) {
    SignedHead.StoredCheckpoint newest =
        em.createNamedQuery("CheckpointRow.latest", CheckpointRow.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .map(c -> new SignedHead.StoredCheckpoint(c.getTreeSize(), c.getNote()))
            .orElse(null);
    return SignedHead.check(head.getTreeSize(), head.getRootHash(), newest, signer.verifier())
        .map(Object::toString);
  }

  /** Why the stored nodes an append builds on do not give the signed root, if they do not. */
  Optional<String> treeRefusal(LogHead head) {
    Hash stored;
    try {
      stored = new MerkleTree(new JpaNodeStore(em)).root(head.getTreeSize());
    } catch (MerkleTree.MissingNodeException e) {
      return Optional.of(
          "the stored tree of size " + head.getTreeSize() + " lacks a node: " + e.getMessage());
    }
    if (stored.equals(head.getRootHash())) return Optional.empty();
    return Optional.of(
        "the stored tree nodes give the root "
            + stored.hex()
            + " at size "
            + head.getTreeSize()
            + ", not the signed root "
            + head.getRootHash().hex());
  }
}
