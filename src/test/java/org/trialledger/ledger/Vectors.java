package org.trialledger.ledger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public test vectors in src/test/resources/vectors (the build passes the folder as {@code
 * vectors.dir}).
 */
public final class Vectors {
  private Vectors() {}

  public static Path dir(String sub) {
    return Paths.get(System.getProperty("vectors.dir", "src/test/resources/vectors")).resolve(sub);
  }

  public static JsonObject json(Path file) {
    try (JsonReader r = Json.createReader(Files.newBufferedReader(file))) {
      return r.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Path> jsonFilesUnder(String sub) {
    try (Stream<Path> files = Files.walk(dir(sub))) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
