package org.trialledger.log.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** What the log shows about its witnesses: cosigned checkpoints and "witnessed up to size N". */
@ApplicationScoped
public class WitnessView {
  @Inject private WitnessSettings settings;
  @Inject private WitnessCosignatures cosignatures;

  /** One configured witness and the largest tree size it cosigned. */
  public record WitnessStatus(String name, String vkey, long cosignedSize) {}

  /** The quorum (k of n) and the largest tree size cosigned by at least k witnesses. */
  public record WitnessSummary(int quorum, long witnessedSize, List<WitnessStatus> witnesses) {}

  /** The checkpoint's signed note followed by the configured witnesses' cosignature lines. */
  public String cosigned(CheckpointView checkpoint) {
    return checkpoint.note() + String.join("", cosignatures.lines(checkpoint.treeSize()));
  }

  /** The names of the configured witnesses that cosigned the checkpoint of this size. */
  public List<String> cosignedBy(long treeSize) {
    return settings.witnesses().stream()
        .filter(w -> cosignatures.hasCosigned(treeSize, w.key().verifierKey()))
        .map(w -> w.key().name())
        .toList();
  }

  /** Whether any witness is configured. */
  public boolean configured() {
    return !settings.witnesses().isEmpty();
  }

  public WitnessSummary summary() {
    return new WitnessSummary(
        settings.quorum(),
        cosignatures.witnessedSize(),
        settings.witnesses().stream()
            .map(
                w ->
                    new WitnessStatus(
                        w.key().name(),
                        w.key().verifierKey(),
                        cosignatures.lastSize(w.key().verifierKey())))
            .toList());
  }
}
