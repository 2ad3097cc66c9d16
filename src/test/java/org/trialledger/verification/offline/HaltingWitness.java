package org.trialledger.verification.offline;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.Witness;
import org.trialledger.ledger.witness.WitnessStore;

/**
 * A witness process that dies (as by kill -9: no shutdown hooks, nothing flushed) while it records
 * a checkpoint: at a stage of the state write (optional third argument: "temp written", "renamed",
 * "directory synced") or, by default, right after the write and before it answers. Run by {@link
 * WitnessProcessTest} in a child JVM: {@code HaltingWitness STATE_DIR LOG_VKEY [STAGE]}. Its clock
 * is 1; a fourth argument "answer-first" makes it answer the first request normally.
 */
public final class HaltingWitness {
  private HaltingWitness() {}

  public static void main(String[] args) throws IOException {
    String haltAt = args.length > 2 ? args[2] : null;
    FileWitnessStore files =
        new FileWitnessStore(
            Path.of(args[0]),
            stage -> {
              if (stage.equals(haltAt)) Runtime.getRuntime().halt(137);
            });
    WitnessStore halting =
        new WitnessStore() {
          @Override
          public Optional<Checkpoint> latest(String origin) throws IOException {
            return files.latest(origin);
          }

          @Override
          public void save(Checkpoint checkpoint, String note) throws IOException {
            files.save(checkpoint, note);
            if (haltAt == null) Runtime.getRuntime().halt(137);
          }
        };
    WitnessServer server =
        WitnessServer.start(
            new Witness(
                WitnessServerTest.KEY, List.of(NoteKey.parseVerifier(args[1])), halting, () -> 1),
            new InetSocketAddress("127.0.0.1", 0),
            System.err);
    System.out.println("listening on http://127.0.0.1:" + server.port() + "/add-checkpoint");
    System.out.flush();
  }
}
