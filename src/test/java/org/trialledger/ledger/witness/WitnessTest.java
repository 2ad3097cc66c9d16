package org.trialledger.ledger.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.Witness.Answer;

/** The witness's decisions, per c2sp.org/tlog-witness, without HTTP or files. */
class WitnessTest {
  static final CosignerKey KEY =
      CosignerKey.signer("regulator.example/witness", LogFixture.seed(5));

  private final MemoryStore store = new MemoryStore();
  private final Witness witness = new Witness(KEY, List.of(LogFixture.KEY), store, () -> 1000);
  private final LogFixture log = new LogFixture().grow(10, "main");

  @Test
  void cosignsTheFirstCheckpointAndThenEachConsistentOne() throws Exception {
    Answer first = witness.addCheckpoint(log.request(0, 4));
    assertEquals(200, first.status());
    assertEquals(OptionalLong.of(1000), KEY.verifier().verifyIn(log.checkpoint(4) + first.body()));
    assertEquals(200, witness.addCheckpoint(log.request(4, 10)).status());
    assertEquals(10, store.latest(LogFixture.KEY.name()).orElseThrow().size());
    // the same checkpoint again is cosigned again
    assertEquals(200, witness.addCheckpoint(log.request(10, 10)).status());
  }

  @Test
  void aLaggingOrWrongOldSizeGets409WithTheWitnessSize() throws Exception {
    witness.addCheckpoint(log.request(0, 4));
    for (long old : new long[] {0, 3, 5}) {
      Answer a = witness.addCheckpoint(log.request(old, 10));
      assertEquals(409, a.status(), "old " + old);
      assertEquals("text/x.tlog.size", a.contentType());
      assertEquals("4\n", a.body());
    }
  }

  @Test
  void aBadProofIs422AndChangesNothing() throws Exception {
    witness.addCheckpoint(log.request(0, 4));
    List<Hash> proof = new ArrayList<>(log.proof(4, 10));
    proof.set(0, Hash.sha256(new byte[] {1}));
    assertEquals(
        422,
        witness.addCheckpoint(new AddCheckpointRequest(4, proof, log.checkpoint(10))).status());
    assertEquals(
        422,
        witness.addCheckpoint(new AddCheckpointRequest(4, List.of(), log.checkpoint(10))).status());
    assertEquals(4, store.latest(LogFixture.KEY.name()).orElseThrow().size());
  }

  @Test
  void anUnknownOriginIs404AndAForeignSignatureIs403() throws Exception {
    NoteKey stranger = NoteKey.signer("stranger.example/log", LogFixture.seed(11));
    assertEquals(
        404, witness.addCheckpoint(new LogFixture(stranger).grow(2, "x").request(0, 2)).status());
    // right origin, wrong key: an impostor signing as the registry
    NoteKey impostor = NoteKey.signer(LogFixture.KEY.name(), LogFixture.seed(12));
    assertEquals(
        403, witness.addCheckpoint(new LogFixture(impostor).grow(2, "x").request(0, 2)).status());
    String tampered = log.checkpoint(4).replaceFirst("\n4\n", "\n5\n");
    assertEquals(
        403, witness.addCheckpoint(new AddCheckpointRequest(0, List.of(), tampered)).status());
    assertTrue(store.byOrigin.isEmpty());
  }

  @Test
  void anOldSizeBeyondTheCheckpointIs400() throws Exception {
    assertEquals(400, witness.addCheckpoint(log.request(0, 4).withOld(5)).status());
  }

  @Test
  void refusesARollbackToASmallerTree() throws Exception {
    witness.addCheckpoint(log.request(0, 10));
    // the truncated log signs size 6 again: the witness remembers 10
    assertEquals(400, witness.addCheckpoint(log.request(0, 6).withOld(10)).status());
    assertEquals(409, witness.addCheckpoint(log.request(6, 6)).status());
    assertEquals(10, store.latest(LogFixture.KEY.name()).orElseThrow().size());
  }

  @Test
  void refusesASplitViewAtTheSameSizeAndBeyond() throws Exception {
    witness.addCheckpoint(log.request(0, 6));
    LogFixture fork = new LogFixture().grow(4, "main").grow(8, "fork");
    Answer same = witness.addCheckpoint(new AddCheckpointRequest(6, List.of(), fork.checkpoint(6)));
    assertEquals(409, same.status());
    assertEquals("6\n", same.body());
    // a larger forked tree: its own proof from 6 rebuilds the fork's root at 6, not ours
    assertEquals(422, witness.addCheckpoint(fork.request(6, 12)).status());
    assertEquals(log.root(6), store.latest(LogFixture.KEY.name()).orElseThrow().root());
  }

  @Test
  void nothingIsCosignedWhenTheStoreCannotPersist() throws Exception {
    Witness failing =
        new Witness(
            KEY,
            List.of(LogFixture.KEY),
            new WitnessStore() {
              public Optional<Checkpoint> latest(String origin) {
                return Optional.empty();
              }

              public void save(Checkpoint c, String note) throws IOException {
                throw new IOException("disk full");
              }
            },
            () -> 1);
    assertThrows(IOException.class, () -> failing.addCheckpoint(log.request(0, 4)));
  }

  /**
   * Many logs' requests at once, each from the size it last heard of: whatever the interleaving,
   * the recorded sizes never go down (check and record are one step, c2sp.org/tlog-witness).
   */
  @Test
  void concurrentRequestsNeverRollTheRecordBack() throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int seed = t;
      threads.add(
          new Thread(
              () -> {
                Random random = new Random(seed);
                for (int i = 0; i < 200; i++) {
                  long old = store.latest(LogFixture.KEY.name()).map(Checkpoint::size).orElse(0L);
                  long size = old + random.nextInt((int) (10 - Math.min(old, 10)) + 1);
                  try {
                    witness.addCheckpoint(log.request(old, Math.max(size, 1)));
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) t.join();
    List<Long> saved = store.saved;
    for (int i = 1; i < saved.size(); i++)
      assertTrue(saved.get(i) >= saved.get(i - 1), "rolled back at save " + i + ": " + saved);
    assertTrue(saved.size() > 8, "the test exercised the witness");
  }

  static final class MemoryStore implements WitnessStore {
    final Map<String, Checkpoint> byOrigin = new HashMap<>();
    final List<Long> saved = new ArrayList<>();

    @Override
    public synchronized Optional<Checkpoint> latest(String origin) {
      return Optional.ofNullable(byOrigin.get(origin));
    }

    @Override
    public synchronized void save(Checkpoint checkpoint, String note) {
      byOrigin.put(checkpoint.origin(), checkpoint);
      saved.add(checkpoint.size());
    }
  }
}
