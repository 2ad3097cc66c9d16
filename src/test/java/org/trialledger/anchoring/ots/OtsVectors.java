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
