package org.trialledger.log.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The log's Ed25519 private key (its 32-byte seed, base64), kept in a file outside the database and
 * readable by its owner only: someone who can read or write the database still cannot sign
 * checkpoints.
 */
public final class LogKeyFile {
  private LogKeyFile() {}

  /** Reads the seed at {@code path}, creating a new random one first if there is no file yet. */
  public static byte[] loadOrCreate(Path path) {
    try {
      if (!Files.exists(path)) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        if (path.getParent() != null) Files.createDirectories(path.getParent());
        try {
          Files.writeString(
              path,
              Base64.getEncoder().encodeToString(seed) + "\n",
              StandardCharsets.US_ASCII,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE);
          restrictToOwner(path);
        } catch (FileAlreadyExistsException raced) {
          // another instance created it first: use theirs
        }
      }
      byte[] seed =
          Base64.getDecoder().decode(Files.readString(path, StandardCharsets.US_ASCII).strip());
      if (seed.length != 32)
        throw new IllegalStateException("The key file " + path + " does not hold a 32-byte key");
      return seed;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file " + path, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The key file " + path + " is not base64", e);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // e.g. Windows: the directory's permissions apply
    }
  }
}
