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
import org.trialledger.anchoring.bitcoin.HeaderCheck;
import org.trialledger.anchoring.bitcoin.HeadersFile;
import org.trialledger.anchoring.bitcoin.TrustedHeaders;
import org.trialledger.anchoring.ots.DetachedTimestampFile;
import org.trialledger.anchoring.ots.OtsFormatException;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.bundle.BundleVerifier;
import org.trialledger.ledger.bundle.ProofBundle;
import org.trialledger.ledger.bundle.TimestampCheck;
import org.trialledger.ledger.bundle.VerificationReport;
import org.trialledger.ledger.bundle.WitnessRequirement;
import org.trialledger.ledger.merkle.CompactRange;
import org.trialledger.ledger.merkle.InMemoryNodeStore;
import org.trialledger.ledger.merkle.MerkleTree;
import org.trialledger.ledger.merkle.TreeHasher;
import org.trialledger.ledger.note.NoteKey;
import org.trialledger.ledger.witness.CosignerKey;

/**
 * The offline verifier: {@code java -jar trialledger-verifier.jar COMMAND …}. Its exit code says
 * exactly what was proven (see {@link #EXIT_CODES}); never a stack trace. Entries on standard input
 * are one hex-encoded entry per line (an empty line is an empty entry).
 */
public final class VerifierCli {
  /** Every check passed, against a log key you pinned (or a Bitcoin block confirmed). */
  static final int OK = 0;

  /** A check failed. */
  static final int FAILED = 1;

  /** Unreadable input or wrong usage: nothing was verified. */
  static final int UNUSABLE = 2;

  /**
   * Every check held, but not all the way: the log key was not pinned (verify, verify-package), or
   * no Bitcoin block confirms the proof (ots-verify).
   */
  static final int HOLDS = 3;

  static final String EXIT_CODES =
      """
      exit codes:
        0  verified: every check passed and the log key was pinned (--key/--key-file);
           for ots-verify: a Bitcoin block the verifier confirmed proves the digest
        1  not verified: a check failed (with --require-anchor, also: no confirmed Bitcoin block)
        2  unusable: unreadable or malformed input (an unknown, duplicated or missing bundle
           member, text that is not UTF-8, a missing file) or wrong usage; nothing was verified
        3  holds, but the log key is not pinned: every check passed against the key the bundle
           names (printed), which you have not compared with one you obtained yourself;
           for ots-verify: nothing is wrong, but no Bitcoin block confirms it yet (pending,
           header not given, or only other notaries)
      """;

  private static final String USAGE =
      """
      usage: java -jar trialledger-verifier.jar COMMAND
        tree-root                       root hash of the entries on stdin
        inclusion-proof INDEX           audit path of leaf INDEX among the entries on stdin
        consistency-proof OLD_SIZE      consistency proof from OLD_SIZE to all entries on stdin
        verify BUNDLE.json [FILE] [OPTIONS]
                                        check a proof bundle (and that FILE is the artifact)
        verify-package DIR|ZIP [OPTIONS]
                                        check every bundle of an inspection package against its files
        ots-info FILE.ots               the proof's digest, tree (as written) and attestations
        ots-verify FILE.ots (--file F | --digest HEX) [--headers H] [--checkpoint HEIGHT:HASH]
                                        check an OpenTimestamps proof against Bitcoin block headers
      options of verify and verify-package:
        --key VKEY                      pin the log key you obtained yourself (without it: exit 3)
        --key-file FILE                 the same, read from a file
        --require-anchor                fail unless the checkpoint's timestamp reaches a Bitcoin
                                        block this verifier confirmed
        --checkpoint HEIGHT:HASH        trust a Bitcoin block hash from a source you trust
                                        (repeatable), beside the headers this jar trusts (one
                                        per difficulty period); the bundle's own headers count
                                        only where they link to one by Bitcoin's header rules
        --headers HEADERS.txt           optional more headers (HEIGHT HEX per line), e.g. a
                                        bridge from a trusted header to the bundle's; validated
                                        the same way, never trusted
        --witness VKEY                  a witness you trust (its cosignature/v1 verifier key, from
                                        the witness itself); repeatable
        --min-witnesses K               fail unless at least K of those witnesses cosigned the
                                        checkpoint (default 1 when --witness is given)
      """
          + EXIT_CODES;

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
        case "ots-info":
          return otsInfo(args, out, err);
        case "ots-verify":
          return otsVerify(args, out, err);
        case "witness", "witness-keygen":
          return WitnessCommand.run(args, out, err);
        case "-h":
        case "--help":
        case "help":
          out.print(USAGE);
          return OK;
        default:
          return usage(err, "unknown command " + args[0]);
      }
    } catch (UnusableInput | Utf8Text.NotUtf8Exception e) {
      return unusable(err, e.getMessage());
    } catch (IOException e) {
      return unusable(err, "cannot read input: " + e.getMessage());
    } catch (RuntimeException e) {
      return unusable(err, "unexpected error: " + e);
    }
  }

  private static int verifyPackage(String[] args, PrintStream out, PrintStream err)
      throws IOException {
    Options o = Options.parse(args, err);
    if (o == null) return UNUSABLE;
    if (o.positional.size() != 1) return usage(err, "verify-package takes one directory or zip");
    Path location = Path.of(o.positional.get(0));
    if (!Files.exists(location)) return unusable(err, "no such file: " + location);
    PackageVerifier.Result result;
    try {
      result =
          PackageVerifier.verify(
              location, o.key, o.timestamps(), o.requireAnchor, o.witnesses(), out);
    } catch (IllegalArgumentException | ClassCastException e) {
      return unusable(err, "unreadable package: " + e.getMessage());
    }
    if (result.failed() > 0) return FAILED;
    if (result.passed() == 0) {
      out.println("Nothing in the package has a proof yet: nothing was verified.");
      return FAILED;
    }
    if (o.key.isEmpty()) {
      out.println(
          "The log key is not pinned: every bundle holds against the key it names. Pass --key"
              + " with the key you obtained yourself.");
      return HOLDS;
    }
    return OK;
  }

  private static int verify(String[] args, PrintStream out, PrintStream err) throws IOException {
    Options o = Options.parse(args, err);
    if (o == null) return UNUSABLE;
    if (o.positional.isEmpty() || o.positional.size() > 2)
      return usage(err, "verify takes BUNDLE.json and optionally FILE");
    String bundlePath = o.positional.get(0);
    ProofBundle bundle;
    try {
      bundle = ProofBundle.parse(Utf8Text.decode(readFile(bundlePath), bundlePath));
    } catch (Utf8Text.NotUtf8Exception e) {
      return unusable(err, "unreadable bundle: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return unusable(err, "unreadable bundle " + bundlePath + ": " + e.getMessage());
    }
    Optional<byte[]> file = Optional.empty();
    if (o.positional.size() == 2) file = Optional.of(readFile(o.positional.get(1)));
    VerificationReport report =
        BundleVerifier.verify(bundle, file, o.key, o.timestamps(), o.requireAnchor, o.witnesses());
    out.print(report);
    if (!report.holds()) return FAILED;
    return report.verified() ? OK : HOLDS;
  }

  private static int otsInfo(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length != 2) return usage(err, "ots-info takes FILE.ots");
    OtsCommands.info(readProof(args[1]), out);
    return OK;
  }

  private static int otsVerify(String[] args, PrintStream out, PrintStream err) throws IOException {
    Options o = Options.parse(args, err);
    if (o == null) return UNUSABLE;
    if (o.positional.size() != 1) return usage(err, "ots-verify takes one FILE.ots");
    if (o.key.isPresent() || o.requireAnchor)
      return usage(err, "ots-verify takes no --key or --require-anchor");
    if (o.file.isPresent() == o.digest.isPresent())
      return usage(err, "ots-verify needs either --file F or --digest HEX");
    DetachedTimestampFile proof = readProof(o.positional.get(0));
    byte[] digest;
    if (o.file.isPresent()) {
      digest = proof.fileHashOp().hash(readFile(o.file.get()));
    } else {
      try {
        digest = HexFormat.of().parseHex(o.digest.get().toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return unusable(err, "--digest must be hexadecimal");
      }
      if (digest.length != proof.fileHashOp().digestLength())
        return unusable(
            err,
            "--digest has "
                + digest.length
                + " bytes; the proof is for a "
                + proof.fileHashOp().label()
                + " digest of "
                + proof.fileHashOp().digestLength());
    }
    return OtsCommands.verify(proof, digest, o.headerCheck(), out);
  }

  private static DetachedTimestampFile readProof(String path) throws IOException {
    try {
      return DetachedTimestampFile.parse(readFile(path));
    } catch (OtsFormatException e) {
      throw new UnusableInput("unreadable proof " + path + ": " + e.getMessage());
    }
  }

  private static byte[] readFile(String path) throws IOException {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (NoSuchFileException e) {
      throw new UnusableInput("no such file: " + path);
    }
  }

  /** The options of verify, verify-package and ots-verify; null after reporting a usage error. */
  private static final class Options {
    final List<String> positional = new ArrayList<>();
    Optional<String> key = Optional.empty();
    Optional<HeadersFile> headers = Optional.empty();
    final List<TrustedHeaders.Checkpoint> checkpoints = new ArrayList<>();
    boolean requireAnchor;
    Optional<String> file = Optional.empty();
    Optional<String> digest = Optional.empty();
    final List<CosignerKey> witnessKeys = new ArrayList<>();
    Integer minWitnesses;

    static Options parse(String[] args, PrintStream err) throws IOException {
      Options o = new Options();
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        boolean takesValue =
            List.of(
                    "--key",
                    "--key-file",
                    "--headers",
                    "--checkpoint",
                    "--file",
                    "--digest",
                    "--witness",
                    "--min-witnesses")
                .contains(a);
        if (takesValue && i + 1 >= args.length) {
          usage(err, a + " needs a value");
          return null;
        }
        switch (a) {
          case "--key" -> o.key = Optional.of(args[++i].strip());
          case "--key-file" -> {
            String path = args[++i];
            o.key = Optional.of(Utf8Text.decode(readFile(path), path).strip());
          }
          case "--headers" -> {
            String path = args[++i];
            try {
              o.headers =
                  Optional.of(
                      HeadersFile.parse(Utf8Text.decode(readFile(path), path).lines().toList()));
            } catch (Utf8Text.NotUtf8Exception e) {
              throw e;
            } catch (IllegalArgumentException e) {
              throw new UnusableInput("unreadable headers file " + path + ": " + e.getMessage());
            }
          }
          case "--checkpoint" -> {
            try {
              o.checkpoints.add(TrustedHeaders.Checkpoint.parse(args[++i]));
            } catch (IllegalArgumentException e) {
              usage(err, "--checkpoint: " + e.getMessage());
              return null;
            }
          }
          case "--witness" -> {
            String text = args[++i].strip();
            try {
              o.witnessKeys.add(CosignerKey.parseVerifier(text));
            } catch (IllegalArgumentException e) {
              throw new UnusableInput(
                  "--witness " + text + " is not a cosignature/v1 verifier key: " + e.getMessage());
            }
          }
          case "--min-witnesses" -> {
            String k = args[++i];
            try {
              o.minWitnesses = Integer.parseInt(k);
            } catch (NumberFormatException e) {
              usage(err, "--min-witnesses must be a whole number, got " + k);
              return null;
            }
          }
          case "--require-anchor" -> o.requireAnchor = true;
          case "--file" -> o.file = Optional.of(args[++i]);
          case "--digest" -> o.digest = Optional.of(args[++i]);
          default -> {
            if (a.startsWith("--")) {
              usage(err, "unknown option " + a);
              return null;
            }
            o.positional.add(a);
          }
        }
      }
      if (o.key.isPresent()) {
        try {
          NoteKey.parseVerifier(o.key.get());
        } catch (IllegalArgumentException e) {
          throw new UnusableInput("the pinned key is not a verifier key: " + e.getMessage());
        }
      }
      if (o.minWitnesses != null && o.witnessKeys.isEmpty()) {
        usage(err, "--min-witnesses needs the witnesses' keys (--witness VKEY, repeatable)");
        return null;
      }
      try {
        o.witnesses();
      } catch (IllegalArgumentException e) {
        usage(err, e.getMessage());
        return null;
      }
      boolean otsVerify = args[0].equals("ots-verify");
      if (otsVerify && !o.witnessKeys.isEmpty()) {
        usage(err, "ots-verify takes no --witness");
        return null;
      }
      if (!otsVerify && (o.file.isPresent() || o.digest.isPresent())) {
        usage(err, args[0] + " takes no --file or --digest (give FILE after BUNDLE.json)");
        return null;
      }
      return o;
    }

    WitnessRequirement witnesses() {
      if (witnessKeys.isEmpty()) return WitnessRequirement.none();
      return new WitnessRequirement(witnessKeys, minWitnesses == null ? 1 : minWitnesses);
    }

    HeaderCheck headerCheck() {
      return HeaderChecks.forCli(headers, checkpoints);
    }

    /** The CLI always checks a timestamp it is given: without headers, nothing is confirmed. */
    Optional<TimestampCheck> timestamps() {
      return Optional.of(OtsTimestampCheck.forCli(headers, checkpoints));
    }
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
