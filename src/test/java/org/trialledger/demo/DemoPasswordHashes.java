package org.trialledger.demo;

import java.security.SecureRandom;
import org.trialledger.security.application.Pbkdf2Hashes;

/**
 * Prints a new PBKDF2 hash, each with its own random salt, of every demo password, for {@link
 * DemoDataSeeder#LOGINS} (docs/benchmarks.md, "Start-up and memory"). Run again only when the demo
 * passwords or the hash strength change; {@code DemoPasswordHashesTest} fails until then:
 *
 * <pre>
 * mvn -o -q test-compile
 * java -cp target/classes:target/test-classes org.trialledger.demo.DemoPasswordHashes
 * </pre>
 */
public final class DemoPasswordHashes {
  private DemoPasswordHashes() {}

  public static void main(String[] args) {
    SecureRandom random = new SecureRandom();
    for (DemoDataSeeder.DemoLogin login : DemoDataSeeder.LOGINS) {
      String hash = Pbkdf2Hashes.hash(login.password().toCharArray(), random);
      System.out.println(login.username() + " " + hash);
    }
  }
}
