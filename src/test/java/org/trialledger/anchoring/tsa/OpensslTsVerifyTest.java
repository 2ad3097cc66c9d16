package org.trialledger.anchoring.tsa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trialledger.anchoring.tsa.TsaClientTest.sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL as an independent RFC 3161 implementation: it accepts the tokens we store, and we accept
 * the tokens it issues. Skipped where {@code /usr/bin/openssl} is absent.
 */
class OpensslTsVerifyTest {
  static final Path OPENSSL = Path.of("/usr/bin/openssl");
  static final byte[] DIGEST = sha256("checkpoint 99");

  static LocalTsa tsa;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(OPENSSL), "no /usr/bin/openssl");
    tsa = LocalTsa.start();
    Files.writeString(dir.resolve("ca.pem"), LocalTsa.pem(tsa.caCertificate));
    Files.writeString(dir.resolve("tsa.pem"), LocalTsa.pem(tsa.tsaCertificate));
  }

  @AfterAll
  static void stop() {
    if (tsa != null) tsa.close();
  }

  record Run(int exit, String output) {}

  static Run openssl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(OPENSSL.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
    return new Run(process.exitValue(), output);
  }

  static Run verifyToken(String tokenFile, byte[] digest) throws Exception {
    return openssl(
        "ts",
        "-verify",
        "-token_in",
        "-in",
        tokenFile,
        "-digest",
        HexFormat.of().formatHex(digest),
        "-CAfile",
        "ca.pem",
        "-untrusted",
        "tsa.pem");
  }

  @Test
  void opensslAcceptsTheStoredTokenAndOnlyForItsDigest() throws Exception {
    TimestampToken token =
        new TsaClient(TsaClient.Settings.of(tsa.uri(), null), new SecureRandom()).request(DIGEST);
    Files.write(dir.resolve("token.der"), token.encoded());

    Run ok = verifyToken("token.der", DIGEST);
    assertEquals(0, ok.exit(), ok.output());
    assertTrue(ok.output().contains("Verification: OK"), ok.output());

    Run wrong = verifyToken("token.der", sha256("checkpoint 100"));
    assertNotEquals(0, wrong.exit(), wrong.output());
    assertTrue(!wrong.output().contains("Verification: OK"), wrong.output());
  }

  @Test
  void weAcceptATokenOpensslIssues() throws Exception {
    Files.writeString(
        dir.resolve("tsa.key"),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(tsa.tsaKeys.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    Files.writeString(dir.resolve("serial"), "01\n");
    Files.writeString(
        dir.resolve("tsa.cnf"),
        String.join(
            "\n",
            "[ tsa ]",
            "default_tsa = local",
            "[ local ]",
            "serial = ./serial",
            "signer_digest = sha256",
            "default_policy = " + LocalTsa.POLICY,
            "digests = sha256",
            "ess_cert_id_alg = sha256",
            "tsa_name = yes",
            ""));
    Run query =
        openssl(
            "ts",
            "-query",
            "-digest",
            HexFormat.of().formatHex(DIGEST),
            "-sha256",
            "-cert",
            "-out",
            "query.tsq");
    assertEquals(0, query.exit(), query.output());
    Run reply =
        openssl(
            "ts",
            "-reply",
            "-config",
            "tsa.cnf",
            "-queryfile",
            "query.tsq",
            "-signer",
            "tsa.pem",
            "-inkey",
            "tsa.key",
            "-token_out",
            "-out",
            "openssl-token.der");
    assertEquals(0, reply.exit(), reply.output());
    byte[] token = Files.readAllBytes(dir.resolve("openssl-token.der"));

    TimestampToken verified =
        new TimestampTokenVerifier(tsa.caCertificate, List.of()).verify(token, DIGEST);
    assertEquals(LocalTsa.POLICY, verified.policy());
    Run sanity = verifyToken("openssl-token.der", DIGEST);
    assertEquals(0, sanity.exit(), sanity.output());
  }
}
