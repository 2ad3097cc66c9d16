package org.trialledger.verification.offline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.note.Checkpoint;
import org.trialledger.ledger.witness.WitnessStore;

/**
 * A witness's state on disk: per log origin, the signed note of the latest checkpoint it cosigned,
 * in {@code <hex SHA-256 of origin>.checkpoint}. A save writes a temporary file, forces it to disk,
 * renames it over the old one atomically and forces the directory, so that after a crash at any
 * point the file holds either the old or the new checkpoint, never a mix. A lock file keeps a
 * second witness process off the same state.
 */
public final class FileWitnessStore implements WitnessStore, AutoCloseable {
  private static final String SUFFIX = ".checkpoint";
  private static final String TEMP = ".tmp";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Consumer<String> atStage;

  public FileWitnessStore(Path dir) throws IOException {
    this(dir, stage -> {});
  }

  /**
   * @param atStage told each step of a save as it completes ("temp written", "renamed", "directory
   *     synced"): where the crash tests kill the process
   */
  FileWitnessStore(Path dir, Consumer<String> atStage) throws IOException {
    this.dir = dir;
    this.atStage = atStage;
    Files.createDirectories(dir);
    lockChannel =
        FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock held;
    try {
      held = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      held = null; // this process holds it already
    }
    lock = held;
    if (lock == null) {
      lockChannel.close();
      throw new IOException("another witness process is using the state in " + dir);
    }
    // a temporary file is what a crash before the rename leaves: it was never answered from
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, "*" + TEMP)) {
      for (Path p : stale) Files.deleteIfExists(p);
    }
  }

  @Override
  public Optional<Checkpoint> latest(String origin) throws IOException {
    Path file = fileOf(origin);
    if (!Files.exists(file)) return Optional.empty();
    String note = Files.readString(file, StandardCharsets.UTF_8);
    try {
      Checkpoint c = Checkpoint.parse(note.substring(0, note.lastIndexOf("\n\n") + 1));
      if (!c.origin().equals(origin)) throw new IllegalArgumentException("another origin");
      return Optional.of(c);
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      // fail closed: a witness that cannot read its state must not cosign anything
      throw new IOException("the witness state " + file + " is unreadable: " + e.getMessage());
    }
  }

  @Override
  public void save(Checkpoint checkpoint, String note) throws IOException {
    Path file = fileOf(checkpoint.origin());
    Path temp = Files.createTempFile(dir, "checkpoint-", TEMP);
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.wrap(note.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) ch.write(bytes);
      ch.force(true);
    }
    atStage.accept("temp written");
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    atStage.accept("renamed");
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true); // the rename itself is durable only once the directory is
    }
    atStage.accept("directory synced");
  }

  private Path fileOf(String origin) {
    return dir.resolve(Hash.sha256(origin.getBytes(StandardCharsets.UTF_8)).hex() + SUFFIX);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    lockChannel.close();
  }
}
