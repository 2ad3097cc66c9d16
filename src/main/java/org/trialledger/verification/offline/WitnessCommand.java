package org.trialledger.verification.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.CosignerKey;
import org.trialledger.ledger.witness.Witness;

/**
 * {@code witness} and {@code witness-keygen}: run a C2SP tlog-witness for one or more logs, and
 * make its key. Exit codes as the rest of the verifier: 2 for wrong usage or unusable input.
 */
final class WitnessCommand {
  static final String USAGE =
      """
      usage: java -jar trialledger-verifier.jar witness-keygen --name NAME --key-file FILE
               writes a new witness key (never overwrites) and prints its verifier key
             java -jar trialledger-verifier.jar witness --log-key VKEY [--log-key VKEY ...]
                 --key-file FILE --state DIR [--port 8700] [--bind 0.0.0.0]
               cosigns the log's checkpoints (POST /add-checkpoint) that are consistent with
               what it cosigned before; keeps that in DIR
      """;

  private WitnessCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Args a;
    try {
      a = Args.parse(args);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    try {
      return args[0].equals("witness-keygen") ? keygen(a, out, err) : serve(a, out, err);
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return VerifierCli.UNUSABLE;
    }
  }

  private static int keygen(Args a, PrintStream out, PrintStream err) throws IOException {
    if (a.name == null || a.keyFile == null)
      return usage(err, "witness-keygen needs --name and --key-file");
    CosignerKey key;
    try {
      key = CosignerKey.generate(a.name, new SecureRandom());
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    Path file = Path.of(a.keyFile);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      err.println("error: " + file + " exists; a witness key is never overwritten");
      return VerifierCli.UNUSABLE;
    } catch (UnsupportedOperationException e) {
      Files.createFile(file);
    }
    Files.writeString(
        file, key.signerKey() + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    out.println(key.verifierKey());
    return VerifierCli.OK;
  }

  private static int serve(Args a, PrintStream out, PrintStream err) throws IOException {
    if (a.logKeys.isEmpty() || a.keyFile == null || a.state == null)
      return usage(err, "witness needs --log-key, --key-file and --state");
    List<NoteKey> logs = new ArrayList<>();
    for (String k : a.logKeys) {
      try {
        logs.add(NoteKey.parseVerifier(k));
      } catch (IllegalArgumentException e) {
        return usage(err, "--log-key " + k + ": " + e.getMessage());
      }
    }
    CosignerKey key;
    try {
      key =
          CosignerKey.parseSigner(
              Files.readString(Path.of(a.keyFile), StandardCharsets.UTF_8).strip());
    } catch (NoSuchFileException e) {
      err.println("error: no key file " + a.keyFile + "; make one with witness-keygen");
      return VerifierCli.UNUSABLE;
    } catch (IllegalArgumentException e) {
      err.println("error: " + a.keyFile + " is not a witness key: " + e.getMessage());
      return VerifierCli.UNUSABLE;
    }
    Clock clock = Clock.systemUTC();
    try (FileWitnessStore store = new FileWitnessStore(Path.of(a.state));
        WitnessServer server =
            WitnessServer.start(
                new Witness(key, logs, store, () -> clock.instant().getEpochSecond()),
                new InetSocketAddress(a.bind, a.port),
                err)) {
      out.println("witness verifier key: " + key.verifierKey());
      for (NoteKey log : logs) out.println("witnessing log: " + log.verifierKey());
      out.println("listening on http://" + a.bind + ":" + server.port() + "/add-checkpoint");
      out.flush();
      new CountDownLatch(1).await(); // until the process is stopped
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return VerifierCli.OK;
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.print(USAGE);
    return VerifierCli.UNUSABLE;
  }

  /** The options of both commands. */
  private static final class Args {
    final List<String> logKeys = new ArrayList<>();
    String keyFile;
    String state;
    String name;
    String bind = "0.0.0.0";
    int port = 8700;

    static Args parse(String[] args) {
      Args a = new Args();
      for (int i = 1; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value");
        String value = args[++i];
        switch (option) {
          case "--log-key" -> a.logKeys.add(value);
          case "--key-file" -> a.keyFile = value;
          case "--state" -> a.state = value;
          case "--name" -> a.name = value;
          case "--bind" -> a.bind = value;
          case "--port" -> {
            try {
              a.port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--port must be a number, got " + value);
            }
            if (a.port < 0 || a.port > 65535)
              throw new IllegalArgumentException("--port must be 0 to 65535");
          }
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      }
      return a;
    }
  }
}
