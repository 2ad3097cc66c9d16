package org.trialledger.verification.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trialledger.anchoring.ots.OtsVectors;
import org.trialledger.verification.offline.VerifierCliTest.Result;

/** {@code ots-info} and {@code ots-verify} on the real proofs of the reference clients. */
class OtsCommandsTest {
  private static final String HELLO_BLOCK =
      "000000000000000003e892881a8cdcdc117c06d444057c98b6f04a9ee75a2319";

  private static String vector(String name) {
    return OtsVectors.dir().resolve(name).toString();
  }

  private static final String HEADERS = vector("bitcoin-headers.txt");

  private static Result run(String... args) {
    return VerifierCliTest.run("", args);
  }

  @Test
  void infoShowsTheDigestTheTreeAndTheAttestations() {
    Result hello = run("ots-info", vector("hello-world.txt.ots"));
    assertEquals(0, hello.code(), hello.err());
    assertTrue(
        hello
            .out()
            .startsWith(
                "File sha256 hash: 03ba204e50d126e4674c005e04d82e84c21366780af1f43bd54a37816b6ab340\n"
                    + "Timestamp:\n"),
        hello.out());
    assertTrue(hello.out().contains("verify Bitcoin block 358391\n"), hello.out());
    assertTrue(hello.out().contains("Attestations (1):"), hello.out());

    Result ripemd = run("ots-info", vector("corpus/ripemd160/README.md.ots"));
    assertEquals(0, ripemd.code(), ripemd.err());
    assertTrue(
        ripemd.out().startsWith("File ripemd160 hash: 0423ced4914bc5e47aeda314b5993b7bd796fe00"),
        ripemd.out());
    assertTrue(ripemd.out().contains(" -> "), "forks shown: " + ripemd.out());
    assertTrue(ripemd.out().contains("not in the reference's canonical order"), ripemd.out());
    int alice = ripemd.out().indexOf("verify pending at calendar https://alice");
    int finney = ripemd.out().indexOf("verify pending at calendar https://finney");
    assertTrue(alice > 0 && finney > alice, "in the order written: " + ripemd.out());

    Result unknown = run("ots-info", vector("corpus/unknown-notary.txt.ots"));
    assertTrue(unknown.out().contains("unknown notary (tag 0102030405060708"), unknown.out());
  }

  @Test
  void everyProofOfTheCorpusIsShown() {
    for (Path p : OtsVectors.corpusProofs()) {
      Result r = run("ots-info", p.toString());
      assertEquals(0, r.code(), p + ": " + r.err());
    }
  }

  @Test
  void malformedProofsAreUnusable() {
    for (Path p : OtsVectors.invalidProofs()) {
      Result r = run("ots-info", p.toString());
      assertEquals(2, r.code(), p.toString());
      assertTrue(r.err().startsWith("error: unreadable proof "), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @Test
  void helloWorldIsConfirmedInBlock358391() {
    String proof = vector("hello-world.txt.ots");
    String file = vector("hello-world.txt");
    Result r =
        run(
            "ots-verify",
            proof,
            "--file",
            file,
            "--headers",
            HEADERS,
            "--checkpoint",
            "358391:" + HELLO_BLOCK);
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("existed by Bitcoin block 358391 (" + HELLO_BLOCK + ")"), r.out());
    Result unlinked = run("ots-verify", proof, "--file", file, "--headers", HEADERS);
    assertEquals(3, unlinked.code(), "a header alone is not trusted: " + unlinked.out());

    Result pinned =
        run(
            "ots-verify",
            proof,
            "--digest",
            "03ba204e50d126e4674c005e04d82e84c21366780af1f43bd54a37816b6ab340",
            "--headers",
            HEADERS,
            "--checkpoint",
            "358391:" + HELLO_BLOCK.toUpperCase());
    assertEquals(0, pinned.code(), pinned.out());
    assertTrue(pinned.out().contains("--checkpoint by Bitcoin's header rules"), pinned.out());

    Result otherPin =
        run(
            "ots-verify",
            proof,
            "--file",
            file,
            "--headers",
            HEADERS,
            "--checkpoint",
            "358391:" + HELLO_BLOCK.replace('3', '4'));
    assertEquals(1, otherPin.code(), "the header given contradicts the pin: " + otherPin.out());
    assertTrue(otherPin.out().contains("[FAIL]"), otherPin.out());
  }

  @Test
  void whatIsNotConfirmedHoldsWithExitThree() {
    Result noHeaders =
        run("ots-verify", vector("hello-world.txt.ots"), "--file", vector("hello-world.txt"));
    assertEquals(3, noHeaders.code(), noHeaders.out());
    assertTrue(noHeaders.out().contains("[UNCONFIRMED]"), noHeaders.out());
    assertTrue(noHeaders.out().contains("Bitcoin block 358391 claimed, not confirmed"));

    Result pending =
        run("ots-verify", vector("incomplete.txt.ots"), "--file", vector("incomplete.txt"));
    assertEquals(3, pending.code(), pending.out());
    assertTrue(
        pending.out().contains("[PENDING]")
            && pending.out().contains("https://alice.btc.calendar.opentimestamps.org"),
        pending.out());

    Result ripemd =
        run(
            "ots-verify",
            vector("corpus/ripemd160/README.md.ots"),
            "--file",
            vector("corpus/ripemd160/README.md"));
    assertEquals(3, ripemd.code(), ripemd.out());
    assertTrue(ripemd.out().contains("pending at 3 calendars"), ripemd.out());

    Result unknown =
        run(
            "ots-verify",
            vector("corpus/unknown-notary.txt.ots"),
            "--file",
            vector("corpus/unknown-notary.txt"));
    assertEquals(3, unknown.code(), unknown.out());
    assertTrue(unknown.out().contains("unknown notary (tag 0102030405060708)"), unknown.out());
    assertFalse(unknown.out().contains("0 calendar"), unknown.out());
  }

  @Test
  void wrongDigestsAndBadStampsFail() {
    Result otherFile =
        run("ots-verify", vector("hello-world.txt.ots"), "--file", vector("incomplete.txt"));
    assertEquals(1, otherFile.code(), otherFile.out());
    assertTrue(otherFile.out().contains("RESULT: NOT VERIFIED (digest)"), otherFile.out());

    Result badStamp =
        run(
            "ots-verify",
            vector("corpus/bad-stamp.txt.ots"),
            "--file",
            vector("corpus/bad-stamp.txt"),
            "--headers",
            HEADERS,
            "--checkpoint",
            "358391:" + HELLO_BLOCK);
    assertEquals(1, badStamp.code(), badStamp.out());
    assertTrue(badStamp.out().contains("is not the merkle root"), badStamp.out());
  }

  @Test
  void wrongUsageIsUnusable() {
    String proof = vector("hello-world.txt.ots");
    String file = vector("hello-world.txt");
    for (String[] args :
        new String[][] {
          {"ots-verify", proof},
          {"ots-verify", proof, "--file", file, "--digest", "00".repeat(32)},
          {"ots-verify", proof, "--digest", "00".repeat(20)},
          {"ots-verify", proof, "--digest", "zz"},
          {"ots-verify", proof, "--file", file, "--checkpoint", "358391"},
          {"ots-verify", proof, "--file", file, "--checkpoint", "x:" + HELLO_BLOCK},
          {"ots-verify", proof, "--file", "/no/such/file"},
          {"ots-verify", proof, "--file", file, "--frobnicate"},
          {"ots-info"},
          {"ots-info", "/no/such.ots"}
        }) {
      Result r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }
}
