package org.trialledger.ledger.bundle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialledger.ledger.witness.CosignerKey;

/**
 * The witnesses a verifier trusts (their cosignature/v1 verifier keys, obtained from the witnesses
 * themselves) and how many of them must have cosigned the bundle's checkpoint. The same key given
 * twice counts once.
 */
public record WitnessRequirement(List<CosignerKey> keys, int minimum) {
  public WitnessRequirement {
    Map<String, CosignerKey> distinct = new LinkedHashMap<>();
    for (CosignerKey k : keys) distinct.putIfAbsent(k.verifierKey(), k);
    keys = List.copyOf(new ArrayList<>(distinct.values()));
    if (minimum < 0) throw new IllegalArgumentException("--min-witnesses must be ≥ 0");
    if (minimum > keys.size())
      throw new IllegalArgumentException(
          "--min-witnesses "
              + minimum
              + " exceeds the number of distinct witness keys given ("
              + keys.size()
              + ")");
  }

  /** No witness required, none checked. */
  public static WitnessRequirement none() {
    return new WitnessRequirement(List.of(), 0);
  }
}
