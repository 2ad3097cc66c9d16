package org.trialledger.anchoring.ots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.trialledger.ledger.Vectors;

/** The real proofs of src/test/resources/vectors/ots. */
public final class OtsVectors {
  private OtsVectors() {}

  public static Path dir() {
    return Vectors.dir("ots");
  }

  public static List<Path> validProofs() {
    return list(dir());
  }

  public static List<Path> invalidProofs() {
    return list(dir().resolve("invalid"));
  }

  /**
   * Every real proof from the reference clients' examples: the valid vectors and the {@code
   * corpus/} folder (other clients' writing: other branch orders, other file hashes).
   */
  public static List<Path> corpusProofs() {
    try (Stream<Path> s = Files.walk(dir().resolve("corpus"))) {
      return Stream.concat(validProofs().stream(), s.filter(p -> p.toString().endsWith(".ots")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file a proof of the corpus stamps (sha1/a_or_b.ots stamps both of a SHA-1 collision). */
  public static List<Path> stampedFiles(Path proof) {
    String name = proof.getFileName().toString();
    if (name.equals("a_or_b.ots"))
      return List.of(proof.resolveSibling("a"), proof.resolveSibling("b"));
    return List.of(proof.resolveSibling(name.replaceFirst("\\.ots$", "")));
  }

  public static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] read(String name) {
    return read(dir().resolve(name));
  }

  private static List<Path> list(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.filter(p -> p.toString().endsWith(".ots")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
