package org.trialledger.ledger.bundle;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.json.CanonicalJson;
import org.trialledger.ledger.json.JsonParser;
import org.trialledger.ledger.note.NoteKey;

/**
 * The bundle mutations every verifier must catch, by the step expected to fail (a trailing space
 * tells two mutations of one step apart), for bundle 5 of a 13-entry {@link TestLog}.
 */
public final class BundleTampers {
  private BundleTampers() {}

  public static Map<String, UnaryOperator<Map<String, Object>>> of(TestLog log) {
    return Map.of(
        "content",
            m ->
                put(
                    m,
                    "content",
                    Map.of("kind", "HASH", "hash", Hash.sha256("other".getBytes()).hex())),
        "entry", m -> put(m, "entry", flipHex((String) m.get("entry"), 20)),
        "inclusion", m -> put(m, "leafIndex", 6L),
        "inclusion ", m -> put(m, "inclusionProof", flipFirst((List<?>) m.get("inclusionProof"))),
        "checkpoint", m -> put(m, "treeSize", 12L),
        "checkpoint signature",
            m -> put(m, "checkpoint", ((String) m.get("checkpoint")).replace("\n13\n", "\n14\n")),
        "log key",
            m ->
                put(
                    m,
                    "logKey",
                    NoteKey.generate("test.example/log", new SecureRandom()).verifierKey()),
        "consistency",
            m ->
                put(
                    m,
                    "consistency",
                    List.of(Map.of("checkpoint", log.checkpoint(3), "proof", List.of()))));
  }

  /** {@code json} with {@code tamper} applied, as canonical JSON. */
  public static String apply(String json, UnaryOperator<Map<String, Object>> tamper) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) JsonParser.parse(json);
    return CanonicalJson.write(tamper.apply(m));
  }

  private static Map<String, Object> put(Map<String, Object> m, String key, Object value) {
    m.put(key, value);
    return m;
  }

  private static String flipHex(String hex, int at) {
    char c = hex.charAt(at);
    return hex.substring(0, at) + (c == '0' ? '1' : '0') + hex.substring(at + 1);
  }

  private static List<Object> flipFirst(List<?> proof) {
    List<Object> out = new ArrayList<>(proof);
    out.set(0, flipHex((String) proof.get(0), 10));
    return out;
  }
}
