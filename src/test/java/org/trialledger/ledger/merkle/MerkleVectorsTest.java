package org.trialledger.ledger.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.Vectors;

/**
 * Every vector in src/test/resources/vectors/merkle: the CT reference tree, and transparency-dev's
 * mutations.
 */
class MerkleVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void rfc6962EightEntries() {
    JsonObject v = Vectors.json(Vectors.dir("merkle/rfc6962-8-entries.json"));
    List<byte[]> entries =
        v.getJsonArray("entries").getValuesAs(JsonValue.class).stream()
            .map(e -> HEX.parseHex(((JsonString) e).getString()))
            .toList();
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleTree tree = new MerkleTree(store);
    store.put(tree.append(0, entries.stream().map(TreeHasher::leafHash).toList()).newNodes());

    v.getJsonObject("roots")
        .forEach(
            (size, root) ->
                assertEquals(
                    ((JsonString) root).getString(),
                    tree.root(Long.parseLong(size)).hex(),
                    "root of " + size));
    for (JsonValue j : v.getJsonArray("inclusion")) {
      JsonObject c = j.asJsonObject();
      long size = c.getJsonNumber("size").longValue();
      long index = c.getJsonNumber("index").longValue();
      assertEquals(
          hexes(c.getJsonArray("path")),
          hexOf(tree.inclusionProof(index, size)),
          "path " + index + "/" + size);
    }
    for (JsonValue j : v.getJsonArray("consistency")) {
      JsonObject c = j.asJsonObject();
      long first = c.getJsonNumber("old").longValue();
      long second = c.getJsonNumber("new").longValue();
      if (first == 0) continue; // from the empty tree there is nothing to prove
      assertEquals(
          hexes(c.getJsonArray("proof")),
          hexOf(tree.consistencyProof(first, second)),
          "proof " + first + "→" + second);
    }
  }

  @TestFactory
  Stream<DynamicTest> transparencyDevInclusion() {
    return Vectors.jsonFilesUnder("merkle/transparency-dev/inclusion").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(file),
                    () -> {
                      JsonObject c = Vectors.json(file);
                      boolean wantErr = c.getBoolean("wantErr");
                      Runnable check =
                          () -> {
                            try {
                              ProofVerifier.verifyInclusion(
                                  c.getJsonNumber("leafIdx").longValue(),
                                  c.getJsonNumber("treeSize").longValue(),
                                  Hash.ofBase64(c.getString("leafHash")),
                                  hashes(c.get("proof")),
                                  Hash.ofBase64(c.getString("root")));
                            } catch (ProofException e) {
                              throw new IllegalStateException(e);
                            }
                          };
                      if (wantErr)
                        assertThrows(RuntimeException.class, check::run, c.getString("desc"));
                      else check.run();
                    }));
  }

  /**
   * transparency-dev accepts equal sizes with equal roots whatever their length; we refuse any root
   * that is not 32 bytes, as the vectors' README asks and as every root of ours is SHA-256.
   */
  private static final Set<String> STRICTER_THAN_TRANSPARENCY_DEV =
      Set.of("consistency/additional/sizes-are-equal-one-and-proof-is-empty.json");

  @TestFactory
  Stream<DynamicTest> transparencyDevConsistency() {
    return Vectors.jsonFilesUnder("merkle/transparency-dev/consistency").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(file),
                    () -> {
                      JsonObject c = Vectors.json(file);
                      boolean wantErr =
                          c.getBoolean("wantErr")
                              || STRICTER_THAN_TRANSPARENCY_DEV.contains(name(file));
                      Runnable check =
                          () -> {
                            try {
                              ProofVerifier.verifyConsistency(
                                  c.getJsonNumber("size1").longValue(),
                                  c.getJsonNumber("size2").longValue(),
                                  Hash.ofBase64(c.getString("root1")),
                                  Hash.ofBase64(c.getString("root2")),
                                  hashes(c.get("proof")));
                            } catch (ProofException e) {
                              throw new IllegalStateException(e);
                            }
                          };
                      if (wantErr)
                        assertThrows(RuntimeException.class, check::run, c.getString("desc"));
                      else check.run();
                    }));
  }

  private static String name(Path file) {
    Path base = Vectors.dir("merkle/transparency-dev");
    return base.relativize(file).toString();
  }

  private static List<Hash> hashes(JsonValue proof) {
    List<Hash> out = new ArrayList<>();
    if (proof == null || proof.getValueType() == JsonValue.ValueType.NULL) return out;
    for (JsonValue p : proof.asJsonArray()) out.add(Hash.ofBase64(((JsonString) p).getString()));
    return out;
  }

  private static List<String> hexes(JsonArray a) {
    return a.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static List<String> hexOf(List<Hash> hashes) {
    return hashes.stream().map(Hash::hex).toList();
  }
}
