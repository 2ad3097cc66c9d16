package org.trialledger.verification.offline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.BundleVerifier;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.TimestampCheck;
import org.trialledger.ledger.bundle.VerificationReport;
import org.trialledger.ledger.merkle.CompactRange;
import org.trialledger.ledger.merkle.InMemoryNodeStore;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.TreeHasher;

/**
 * The offline verifier: {@code java -jar trialledger-verifier.jar COMMAND …}. Exit 0 when all
 * holds, 1 when a check fails, 2 on unreadable input or wrong usage; never a stack trace. Entries
 * on standard input are one hex-encoded entry per line (an empty line is an empty entry).
 */
public final class VerifierCli {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int UNUSABLE = 2;

  private static final String USAGE =
      """
      usage: java -jar trialledger-verifier.jar COMMAND
        tree-root                       root hash of the entries on stdin
        inclusion-proof INDEX           audit path of leaf INDEX among the entries on stdin
        consistency-proof OLD_SIZE      consistency proof from OLD_SIZE to all entries on stdin
        verify-package DIR|ZIP [--key VKEY] [--headers HEADERS.txt] [--checkpoint HEIGHT:HASH]
                                        check every bundle of an inspection package against its files
        verify BUNDLE.json [FILE] [--key VKEY] [--headers HEADERS.txt] [--checkpoint HEIGHT:HASH]
                                        check a proof bundle (and that FILE is the artifact);
                                        --key pins the log key you obtained yourself;
                                        --headers checks the checkpoint's Bitcoin timestamp
                                        against block headers (HEIGHT HEX per line), accepted
                                        only where they link to the headers this jar trusts
                                        (one per difficulty period, from bitcoinj) or to a
                                        --checkpoint (a block hash you trust; repeatable)
      """;

  private VerifierCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0) return usage(err, "no command given");
      switch (args[0]) {
        case "tree-root":
          if (args.length != 1) return usage(err, "tree-root takes no arguments");
          out.println(treeRoot(in).hex());
          return OK;
        case "inclusion-proof":
          {
            if (args.length != 2) return usage(err, "inclusion-proof takes INDEX");
            long index = number(args[1], "INDEX");
            InMemoryNodeStore store = storeOf(in);
            if (index >= store.size())
              return unusable(
                  err, "INDEX " + index + " is not below the number of entries " + store.size());
            print(new MerkleTree(store).inclusionProof(index, store.size()), out);
            return OK;
          }
        case "consistency-proof":
          {
            if (args.length != 2) return usage(err, "consistency-proof takes OLD_SIZE");
            long old = number(args[1], "OLD_SIZE");
            InMemoryNodeStore store = storeOf(in);
            if (old < 1 || old > store.size()) {
              return unusable(
                  err, "OLD_SIZE must be between 1 and the number of entries " + store.size());
            }
            print(new MerkleTree(store).consistencyProof(old, store.size()), out);
            return OK;
          }
        case "verify-package":
          return verifyPackage(args, out, err);
        case "verify":
          return verify(args, out, err);
        case "-h":
        case "--help":
        case "help":
          out.print(USAGE);
          return OK;
        default:
          return usage(err, "unknown command " + args[0]);
      }
    } catch (UnusableInput e) {
      return unusable(err, e.getMessage());
    } catch (IOException e) {
      return unusable(err, "cannot read input: " + e.getMessage());
    } catch (RuntimeException e) {
      return unusable(err, "unexpected error: " + e);
    }
  }

  private static int verifyPackage(String[] args, PrintStream out, PrintStream err)
      throws IOException {
    Options o = Options.parse(args);
    if (o.problem != null)
      return o.problem.startsWith("no such file")
          ? unusable(err, o.problem)
          : usage(err, o.problem);
    if (o.positional.size() != 1) return usage(err, "verify-package takes one directory or zip");
    Path location = Path.of(o.positional.get(0));
    if (!Files.exists(location)) return unusable(err, "no such file: " + location);
    try {
      return PackageVerifier.verify(location, o.key, o.timestamps, out) == 0 ? OK : FAILED;
    } catch (IllegalArgumentException | ClassCastException e) {
      return unusable(err, "unreadable package: " + e.getMessage());
    }
  }

  /** The options shared by verify and verify-package. */
  private static final class Options {
    final List<String> positional = new ArrayList<>();
    Optional<String> key = Optional.empty();
    Optional<TimestampCheck> timestamps = Optional.empty();
    final HeaderOptions headers = new HeaderOptions();
    String problem;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 1; i < args.length && o.problem == null; i++) {
        if (args[i].equals("--key")) {
          if (++i >= args.length) o.problem = "--key needs a verifier key";
          else o.key = Optional.of(args[i]);
        } else if (args[i].equals("--headers")) {
          if (++i >= args.length) {
            o.problem = "--headers needs a file of Bitcoin block headers";
          } else if (!Files.isRegularFile(Path.of(args[i]))) {
            o.problem = "no such file: " + args[i];
          } else {
            o.headers.headersFile = Optional.of(Path.of(args[i]));
          }
        } else if (args[i].equals("--checkpoint")) {
          if (++i >= args.length) o.problem = "--checkpoint needs HEIGHT:HASH";
          else o.problem = o.headers.addCheckpoint(args[i]);
        } else {
          o.positional.add(args[i]);
        }
      }
      if (o.problem == null) o.timestamps = o.headers.check();
      return o;
    }
  }

  /**
   * --headers and --checkpoint: headers count only where they link to the jar's trusted headers or
   * a checkpoint (docs: README, "Verify without trusting us").
   */
  private static final class HeaderOptions {
    Optional<Path> headersFile = Optional.empty();
    final List<TrustedHeaders.Checkpoint> checkpoints = new ArrayList<>();

    /** Null when {@code text} is a checkpoint; otherwise the problem. */
    String addCheckpoint(String text) {
      try {
        checkpoints.add(TrustedHeaders.Checkpoint.parse(text));
        return null;
      } catch (IllegalArgumentException e) {
        return "--checkpoint: " + e.getMessage();
      }
    }

    Optional<TimestampCheck> check() {
      if (headersFile.isEmpty() && checkpoints.isEmpty()) return Optional.empty();
      return Optional.of(OtsTimestampCheck.withHeaders(headersFile, checkpoints));
    }
  }

  private static int verify(String[] args, PrintStream out, PrintStream err) throws IOException {
    List<String> positional = new ArrayList<>();
    Optional<String> key = Optional.empty();
    HeaderOptions headerOptions = new HeaderOptions();
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--key")) {
        if (++i >= args.length) return usage(err, "--key needs a verifier key");
        key = Optional.of(args[i]);
      } else if (args[i].equals("--headers")) {
        if (++i >= args.length)
          return usage(err, "--headers needs a file of Bitcoin block headers");
        Path headers = Path.of(args[i]);
        if (!Files.isRegularFile(headers)) return unusable(err, "no such file: " + args[i]);
        headerOptions.headersFile = Optional.of(headers);
      } else if (args[i].equals("--checkpoint")) {
        if (++i >= args.length) return usage(err, "--checkpoint needs HEIGHT:HASH");
        String problem = headerOptions.addCheckpoint(args[i]);
        if (problem != null) return usage(err, problem);
      } else {
        positional.add(args[i]);
      }
    }
    if (positional.isEmpty() || positional.size() > 2)
      return usage(err, "verify takes BUNDLE.json and optionally FILE");
    Optional<TimestampCheck> timestamps = headerOptions.check();
    ProofBundle bundle;
    try {
      bundle =
          ProofBundle.parse(Files.readString(Path.of(positional.get(0)), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return unusable(err, "no such file: " + positional.get(0));
    } catch (IllegalArgumentException e) {
      return unusable(err, "unreadable bundle: " + e.getMessage());
    }
    Optional<byte[]> file = Optional.empty();
    if (positional.size() == 2) {
      try {
        file = Optional.of(Files.readAllBytes(Path.of(positional.get(1))));
      } catch (NoSuchFileException e) {
        return unusable(err, "no such file: " + positional.get(1));
      }
    }
    VerificationReport report = BundleVerifier.verify(bundle, file, key, timestamps);
    out.print(report);
    return report.holds() ? OK : FAILED;
  }

  /** The root, streaming: O(log n) memory whatever the number of entries. */
  static Hash treeRoot(InputStream in) throws IOException {
    CompactRange range = new CompactRange();
    forEachEntry(in, e -> range.append(TreeHasher.leafHash(e), (id, h) -> {}));
    return range.root();
  }

  private static InMemoryNodeStore storeOf(InputStream in) throws IOException {
    List<Hash> leaves = new ArrayList<>();
    forEachEntry(in, e -> leaves.add(TreeHasher.leafHash(e)));
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.put(new MerkleTree(store).append(0, leaves).newNodes());
    return store;
  }

  private static void forEachEntry(InputStream in, Consumer<byte[]> each) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    HexFormat hex = HexFormat.of();
    long line = 0;
    for (String s; (s = reader.readLine()) != null; ) {
      line++;
      String entry = s.strip();
      if (entry.length() % 2 != 0)
        throw new UnusableInput("line " + line + " is not hex (odd number of digits)");
      try {
        each.accept(hex.parseHex(entry.toLowerCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new UnusableInput("line " + line + " is not hex");
      }
    }
  }

  private static void print(List<Hash> hashes, PrintStream out) {
    for (Hash h : hashes) out.println(h.hex());
  }

  private static long number(String s, String name) {
    try {
      long n = Long.parseLong(s);
      if (n < 0) throw new UnusableInput(name + " must be ≥ 0");
      return n;
    } catch (NumberFormatException e) {
      throw new UnusableInput(name + " must be a whole number, got " + s);
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.print(USAGE);
    return UNUSABLE;
  }

  private static int unusable(PrintStream err, String problem) {
    err.println("error: " + problem);
    return UNUSABLE;
  }

  private static final class UnusableInput extends RuntimeException {
    UnusableInput(String message) {
      super(message);
    }
  }
}
